namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// A test of several app nodes: needs PostgreSQL (<c>RISKINTEL_TEST_POSTGRES</c>) and Redis (<c>RISKINTEL_TEST_REDIS</c>).
/// Without them the test reports itself skipped and why; <c>.ci/run</c> starts both, so in CI it always runs.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if ((string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString) || string.IsNullOrWhiteSpace(RedisFactAttribute.ConnectionString))
            && Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") != "1")
        {
            Skip = $"Needs PostgreSQL and Redis: set {PostgresFactAttribute.Variable} and {RedisFactAttribute.Variable}; .ci/run does.";
        }
    }
}
