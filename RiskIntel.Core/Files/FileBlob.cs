namespace RiskIntel.Core.Files;

/// <summary>
/// The header of a file in the database store. It is written before its chunks and gets its key only when the last
/// chunk is in, so a file without a key is an unfinished write: invisible to readers and swept after an hour.
/// </summary>
public sealed class FileBlob
{
    private FileBlob()
    {
    }

    public Guid Id { get; private set; }

    public string? Key { get; private set; }

    public long Bytes { get; private set; }

    public string? Sha256 { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public static FileBlob Begin(DateTime now) => new() { Id = Guid.CreateVersion7(), CreatedAt = now };

    public void Complete(string key, long bytes, string sha256, DateTime now)
    {
        Key = key;
        Bytes = bytes;
        Sha256 = sha256;
        CompletedAt = now;
    }
}

/// <summary>One fixed-size piece of a <see cref="FileBlob"/> (the last one may be shorter).</summary>
public sealed class FileChunk
{
    private FileChunk()
    {
    }

    public Guid BlobId { get; private set; }

    public int Ordinal { get; private set; }

    public byte[] Data { get; private set; } = [];
}
