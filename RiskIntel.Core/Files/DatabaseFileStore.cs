using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Files;

/// <summary>
/// Files as blobs in the application database (<c>Files:Store=Database</c>), so every node sharing it sees them.
/// A file streams in as 1 MB chunks under a header without a key; one last transaction gives the header its key and
/// removes the file that had it, so readers see the old file or the new one, never part of one. Deleting a header
/// deletes its chunks (the foreign key cascades).
/// </summary>
internal sealed class DatabaseFileStore(IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time) : IFileStore
{
    internal const int ChunkBytes = 1024 * 1024;

    public Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
        SaveAsync(FileKeys.New(time.GetUtcNow()), content, maxBytes, cancellationToken);

    public async Task<StoredFile> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        FileKeys.Checked(key);
        var blob = FileBlob.Begin(time.GetUtcNow().UtcDateTime);
        await using (var db = dbFactory.CreateDbContext())
        {
            db.FileBlobs.Add(blob);
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            var (bytes, sha256) = await WriteChunksAsync(blob.Id, content, maxBytes, cancellationToken);
            await CompleteAsync(blob.Id, key, bytes, sha256, cancellationToken);
            return new StoredFile(key, bytes, sha256);
        }
        catch
        {
            await DeleteBlobAsync(blob.Id);
            throw;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        FileKeys.Checked(key);
        await using var db = dbFactory.CreateDbContext();
        var blob = await db.FileBlobs.AsNoTracking().Where(b => b.Key == key).Select(b => new { b.Id, b.Bytes }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new FileNotFoundException($"No file is stored under '{key}'.");
        return new DatabaseFileStream(dbFactory, blob.Id, blob.Bytes);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        FileKeys.Checked(key);
        await using var db = dbFactory.CreateDbContext();
        await db.FileBlobs.Where(b => b.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Removes writes that never finished (a node died mid-upload) and started before <paramref name="olderThan"/> ago.</summary>
    public async Task<int> RemoveUnfinishedAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime - olderThan;
        await using var db = dbFactory.CreateDbContext();
        return await db.FileBlobs.Where(b => b.CompletedAt == null && b.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    // Each chunk is its own short insert: a long upload holds no transaction open and never more than one chunk in memory.
    private async Task<(long Bytes, string Sha256)> WriteChunksAsync(Guid blobId, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        long total = 0;
        await using var db = dbFactory.CreateDbContext();
        for (var ordinal = 0; ; ordinal++)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            total += filled;
            if (total > maxBytes)
            {
                throw new FileTooLargeException(maxBytes);
            }

            if (filled == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, filled);
            var data = filled == buffer.Length ? buffer : buffer[..filled];
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"FileChunks\" (\"BlobId\", \"Ordinal\", \"Data\") VALUES ({blobId}, {ordinal}, {data})", cancellationToken);
            if (filled < buffer.Length)
            {
                break;
            }
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private async Task CompleteAsync(Guid blobId, string key, long bytes, string sha256, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();

        // Two writers replacing one key at once: the second to commit meets the unique key and tries again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await db.FileBlobs.Where(b => b.Key == key).ExecuteDeleteAsync(cancellationToken);
                    var blob = await db.FileBlobs.SingleAsync(b => b.Id == blobId, cancellationToken);
                    blob.Complete(key, bytes, sha256, time.GetUtcNow().UtcDateTime);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                });
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
            }
        }
    }

    private async Task DeleteBlobAsync(Guid blobId)
    {
        await using var db = dbFactory.CreateDbContext();
        await db.FileBlobs.Where(b => b.Id == blobId).ExecuteDeleteAsync(CancellationToken.None);
    }
}
