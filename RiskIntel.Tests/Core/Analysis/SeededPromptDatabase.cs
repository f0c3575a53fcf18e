using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Analysis;

/// <summary>A migrated SQLite database with the default prompts seeded and active, as a new installation has them.</summary>
public sealed class SeededPromptDatabase : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public SeededPromptDatabase()
    {
        var db = _database.CreateFactory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        new PromptSeeder(db, clock, NullLogger<PromptSeeder>.Instance).StartAsync(default).GetAwaiter().GetResult();
        Lookup = new ActivePromptLookup(db);
    }

    public ActivePromptLookup Lookup { get; }

    public void Dispose() => _database.Dispose();
}
