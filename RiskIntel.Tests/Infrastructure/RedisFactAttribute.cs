namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Redis server, named by <c>RISKINTEL_TEST_REDIS</c> (e.g. <c>127.0.0.1:6379</c>).
/// Without it the test reports itself skipped and why; <c>.ci/run</c> starts redis-server and sets it.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "RISKINTEL_TEST_REDIS";

    public RedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") != "1")
        {
            Skip = $"No Redis server: set {Variable} (e.g. 127.0.0.1:6379); .ci/run does.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
