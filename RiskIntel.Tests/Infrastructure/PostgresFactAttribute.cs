namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// A test that needs a real PostgreSQL server, named by <c>RISKINTEL_TEST_POSTGRES</c> (a connection string
/// without a database; each test creates its own). Without it the test reports itself skipped and why;
/// <c>.ci/run</c> starts PostgreSQL and sets the variable, so in CI it always runs.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "RISKINTEL_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") != "1")
        {
            Skip = $"No PostgreSQL server: set {Variable} (e.g. Host=127.0.0.1;Username=postgres;Password=postgres); .ci/run does.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
