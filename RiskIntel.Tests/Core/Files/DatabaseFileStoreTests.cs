using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Files;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Files;

/// <summary>The database store on SQLite: the contract, and what only a store of rows has to show.</summary>
public sealed class DatabaseFileStoreTests : FileStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly IDbContextFactory<RiskIntelDbContext> _db;
    private readonly DatabaseFileStore _store;

    public DatabaseFileStoreTests()
    {
        _db = _database.CreateFactory();
        _store = new DatabaseFileStore(_db, _clock);
    }

    protected override IFileStore Store => _store;

    protected override Task<int> CountStoredAsync() => CountRowsAsync(_db);

    [Fact]
    public async Task Save_WritesOneMegabyteChunksUnderOneHeader()
    {
        var stored = await _store.SaveAsync(new GeneratedStream((5 * DatabaseFileStore.ChunkBytes) / 2), 10 * DatabaseFileStore.ChunkBytes, default);

        await using var db = _db.CreateDbContext();
        var blob = await db.FileBlobs.SingleAsync(b => b.Key == stored.Key);
        var chunks = await db.FileChunks.Where(c => c.BlobId == blob.Id).OrderBy(c => c.Ordinal)
            .Select(c => new { c.Ordinal, c.Data.Length }).ToListAsync();
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Ordinal));
        Assert.Equal([DatabaseFileStore.ChunkBytes, DatabaseFileStore.ChunkBytes, DatabaseFileStore.ChunkBytes / 2], chunks.Select(c => c.Length));
        Assert.Equal(stored.Sha256, blob.Sha256);
        Assert.NotNull(blob.CompletedAt);
    }

    [Fact]
    public async Task UnfinishedWrite_IsInvisible_AndSweptOnlyOnceAnHourOld()
    {
        var key = "2026-12/unfinished";
        var blob = FileBlob.Begin(_clock.GetUtcNow().UtcDateTime);
        await using (var db = _db.CreateDbContext())
        {
            db.FileBlobs.Add(blob);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"FileChunks\" (\"BlobId\", \"Ordinal\", \"Data\") VALUES ({blob.Id}, {0}, {new byte[] { 1, 2, 3 }})");
        }

        var kept = await _store.RemoveUnfinishedAsync(DatabaseFileSweeper.Abandoned, default);
        _clock.Advance(TimeSpan.FromMinutes(61));
        var removed = await _store.RemoveUnfinishedAsync(DatabaseFileSweeper.Abandoned, default);

        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(key, default));
        Assert.Equal(0, kept);
        Assert.Equal(1, removed);
        Assert.Equal(0, await CountRowsAsync(_db));
    }

    [Fact]
    public async Task Read_OfAFileReplacedMeanwhile_FailsRatherThanMixingTwoFiles()
    {
        var key = "reports/replaced.pdf";
        await _store.SaveAsync(key, new GeneratedStream(3 * DatabaseFileStore.ChunkBytes), 10 * DatabaseFileStore.ChunkBytes, default);
        await using var read = await _store.OpenReadAsync(key, default);
        var buffer = new byte[DatabaseFileStore.ChunkBytes];
        await read.ReadExactlyAsync(buffer);

        await _store.SaveAsync(key, new MemoryStream(new byte[10]), DatabaseFileStore.ChunkBytes, default);

        await Assert.ThrowsAsync<IOException>(async () => await read.ReadExactlyAsync(buffer));
    }

    public void Dispose() => _database.Dispose();

    internal static async Task<int> CountRowsAsync(IDbContextFactory<RiskIntelDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.FileBlobs.CountAsync() + await db.FileChunks.CountAsync();
    }
}
