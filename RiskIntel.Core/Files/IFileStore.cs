namespace RiskIntel.Core.Files;

/// <summary>
/// Where uploaded documents and generated reports are kept. Keys are the store's own (never a user's file
/// name); a file is written completely or not at all.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into a new file while hashing it, never holding it whole in memory.
    /// Throws <see cref="FileTooLargeException"/> (and keeps nothing) past <paramref name="maxBytes"/>.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="SaveAsync(Stream, long, CancellationToken)"/> under a key the caller chose (letters, digits,
    /// '-', '_', '.' and '/'), replacing a file already there: a retried job writes the same file, not a second one.
    /// </summary>
    Task<StoredFile> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the file; a key that is already gone is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A file as stored: its key, size and lower-case hex SHA-256.</summary>
public sealed record StoredFile(string Key, long Bytes, string Sha256);

public sealed class FileTooLargeException(long maxBytes)
    : Exception($"The file is larger than {maxBytes / (1024 * 1024)} MB.")
{
    public long MaxBytes { get; } = maxBytes;
}
