using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Ai.Bedrock;

namespace RiskIntel.Tests.Core.Ai.Bedrock;

public sealed class AdaptiveRateLimiterTests
{
    private static readonly BedrockResilienceOptions Options = new()
    {
        InitialRequestsPerSecond = 10,
        MinRequestsPerSecond = 1,
        MaxRequestsPerSecond = 20,
        DecreaseFactor = 0.5,
        IncreasePerSecond = 2,
        DecreaseCooldown = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Acquire_Burst_IsPacedAtTheRate()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);

        using var first = await limiter.AcquireAsync();
        var second = limiter.AcquireAsync().AsTask();
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(first.IsAcquired);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Acquire_RateCutWhileCallersQueue_SlowsTheQueuedCallersToo()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);
        using var first = await limiter.AcquireAsync();
        var second = limiter.AcquireAsync().AsTask();
        var third = limiter.AcquireAsync().AsTask();

        limiter.OnThrottled();
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        using var secondLease = await second;
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var thirdLease = await third;

        Assert.True(secondLease.IsAcquired);
        Assert.True(thirdLease.IsAcquired);
    }

    [Fact]
    public async Task Acquire_CancelledWhileQueued_IsCancelledAndSkipped()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);
        using var first = await limiter.AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var next = limiter.AcquireAsync().AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        time.Advance(TimeSpan.FromMilliseconds(100));
        using var lease = await next;

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void AttemptAcquire_BeforeTheNextSlot_IsDeniedWithRetryAfter()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);
        using var first = limiter.AttemptAcquire();

        using var second = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(100), wait);
    }

    [Fact]
    public void OnThrottled_ManyAnswersOfOneCongestionEvent_CutTheRateOnce()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);

        Assert.True(limiter.OnThrottled());
        Assert.False(limiter.OnThrottled());
        Assert.Equal(5, limiter.RequestsPerSecond);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.OnThrottled());
        Assert.Equal(2.5, limiter.RequestsPerSecond);
    }

    [Fact]
    public void OnThrottled_Repeatedly_NeverGoesBelowTheMinimum()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);

        for (var i = 0; i < 10; i++)
        {
            limiter.OnThrottled();
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, limiter.RequestsPerSecond);
    }

    [Fact]
    public void OnSuccess_OneSecondOfSuccesses_AddsAboutTheIncreaseAndStopsAtTheMaximum()
    {
        using var limiter = new AdaptiveRateLimiter(Options, new FakeTimeProvider());

        for (var i = 0; i < 10; i++)
        {
            limiter.OnSuccess();
        }

        Assert.InRange(limiter.RequestsPerSecond, 11.8, 12);
        for (var i = 0; i < 1000; i++)
        {
            limiter.OnSuccess();
        }

        Assert.Equal(20, limiter.RequestsPerSecond);
    }
}
