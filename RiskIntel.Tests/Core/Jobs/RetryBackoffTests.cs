using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(0.0, 1, 1.6)]
    [InlineData(1.0, 1, 2.4)]
    [InlineData(0.5, 2, 4.0)]
    [InlineData(0.5, 3, 8.0)]
    [InlineData(0.5, 20, 60.0)]
    public void DelayFor_IsExponentialWithJitterAndCapped(double random, int attempt, double expectedSeconds)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), () => random);

        Assert.Equal(expectedSeconds, backoff.DelayFor(attempt).TotalSeconds, precision: 6);
    }

    [Fact]
    public void DelayFor_ServiceAskedForLonger_WaitsAtLeastThatLong()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayFor(1, retryAfter: TimeSpan.FromSeconds(30)));
    }
}
