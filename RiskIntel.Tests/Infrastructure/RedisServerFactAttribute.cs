namespace RiskIntel.Tests.Infrastructure;

/// <summary>A test that starts its own <c>redis-server</c> (<see cref="RedisServerProcess"/>); skipped when none is installed.</summary>
public sealed class RedisServerFactAttribute : FactAttribute
{
    public RedisServerFactAttribute()
    {
        if (RedisServerProcess.Find() is null && Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") != "1")
        {
            Skip = "No redis-server on PATH (apt-get install redis-server); the test starts and kills its own.";
        }
    }
}
