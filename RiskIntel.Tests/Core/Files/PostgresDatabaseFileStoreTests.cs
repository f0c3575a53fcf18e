using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Files;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Files;

/// <summary>The file store contract on PostgreSQL (bytea chunks, the unique key among finished files).</summary>
public sealed class PostgresDatabaseFileStoreTests : IDisposable
{
    private readonly Lazy<(PostgresTestDatabase Database, Contract Contract)> _server = new(() =>
    {
        var database = new PostgresTestDatabase();
        return (database, new Contract(database.CreateFactory()));
    });

    private Contract Store => _server.Value.Contract;

    [PostgresFact]
    public Task Save_ThenOpen_ReadsTheSameBytesAndTellsTheirSizeAndHash() => Store.Save_ThenOpen_ReadsTheSameBytesAndTellsTheirSizeAndHash();

    [PostgresFact]
    public Task Save_OfAnEmptyFile_KeepsAnEmptyFile() => Store.Save_OfAnEmptyFile_KeepsAnEmptyFile();

    [PostgresFact]
    public Task Save_PastMaxBytes_ThrowsAndKeepsNothing() => Store.Save_PastMaxBytes_ThrowsAndKeepsNothing();

    [PostgresFact]
    public Task SaveUnderKey_ReplacesTheFileThere() => Store.SaveUnderKey_ReplacesTheFileThere();

    [PostgresFact]
    public Task Delete_RemovesTheFile_AndAgainIsNotAnError() => Store.Delete_RemovesTheFile_AndAgainIsNotAnError();

    [PostgresFact]
    public Task Save_OfA30MbStream_ReadsBackEqualByHash() => Store.Save_OfA30MbStream_ReadsBackEqualByHash();

    [PostgresFact]
    public Task OpenRead_IsSeekable_AsContentDetectionNeeds() => Store.OpenRead_IsSeekable_AsContentDetectionNeeds();

    [PostgresFact]
    public async Task SaveUnderKey_FromTwoWritersAtOnce_LeavesOneWholeFile()
    {
        var key = "reports/raced.pdf";
        var writes = Enumerable.Range(1, 4).Select(i => Store.Files.SaveAsync(key, new MemoryStream(new byte[i * 1000]), 1024 * 1024, default));

        var stored = await Task.WhenAll(writes);

        await using var read = await Store.Files.OpenReadAsync(key, default);
        Assert.Contains(read.Length, stored.Select(s => s.Bytes));
        await using var db = _server.Value.Database.CreateFactory().CreateDbContext();
        Assert.Equal(1, await db.FileBlobs.CountAsync());
    }

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Database.Dispose();
        }
    }

    // Not public: xUnit runs the inherited facts only through the PostgreSQL-gated ones above.
    internal sealed class Contract(IDbContextFactory<RiskIntelDbContext> db) : FileStoreContract
    {
        public IFileStore Files { get; } = new DatabaseFileStore(db, TimeProvider.System);

        protected override IFileStore Store => Files;

        protected override Task<int> CountStoredAsync() => DatabaseFileStoreTests.CountRowsAsync(db);
    }
}
