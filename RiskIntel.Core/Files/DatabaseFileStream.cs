using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Files;

/// <summary>
/// Reads a <see cref="FileBlob"/> one chunk at a time, each from a short-lived context. Seekable, because content
/// detection reads a PDF's head and a ZIP's central directory at the end.
/// </summary>
internal sealed class DatabaseFileStream(IDbContextFactory<RiskIntelDbContext> dbFactory, Guid blobId, long length) : Stream
{
    private byte[] _chunk = [];
    private int _chunkOrdinal = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (NeedsChunk(out var ordinal))
        {
            using var db = dbFactory.CreateDbContext();
            Keep(ordinal, Query(db, ordinal).FirstOrDefault());
        }

        return CopyTo(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (NeedsChunk(out var ordinal))
        {
            await using var db = dbFactory.CreateDbContext();
            Keep(ordinal, await Query(db, ordinal).FirstOrDefaultAsync(cancellationToken));
        }

        return CopyTo(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private IQueryable<byte[]> Query(RiskIntelDbContext db, int ordinal) =>
        db.FileChunks.AsNoTracking().Where(c => c.BlobId == blobId && c.Ordinal == ordinal).Select(c => c.Data);

    private bool NeedsChunk(out int ordinal)
    {
        ordinal = (int)(_position / DatabaseFileStore.ChunkBytes);
        return _position < length && ordinal != _chunkOrdinal;
    }

    private void Keep(int ordinal, byte[]? data)
    {
        _chunk = data ?? throw new IOException("The file was deleted or replaced while it was being read.");
        _chunkOrdinal = ordinal;
    }

    private int CopyTo(Span<byte> buffer)
    {
        if (_position >= length || buffer.IsEmpty)
        {
            return 0;
        }

        var start = (int)(_position - ((long)_chunkOrdinal * DatabaseFileStore.ChunkBytes));
        var count = Math.Min(buffer.Length, _chunk.Length - start);
        _chunk.AsSpan(start, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
