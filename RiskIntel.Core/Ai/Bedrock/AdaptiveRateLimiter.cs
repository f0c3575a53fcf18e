using System.Threading.RateLimiting;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// Paces requests to one model at an adaptive rate (AIMD): each permit gets the next free time slot
/// 1/rate after the previous one; a throttling answer multiplies the rate by a factor below one (once per
/// cool-down, since one congestion event shows up as many 429s); each success adds a little, so the
/// rate probes back up to the quota. Waiting callers hold no thread: they await their slot.
/// </summary>
internal sealed class AdaptiveRateLimiter : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly BedrockResilienceOptions _options;
    private double _rate;
    private long _nextSlot;
    private long _lastDecrease = long.MinValue;
    private long _lastGranted;

    public AdaptiveRateLimiter(BedrockResilienceOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _rate = options.InitialRequestsPerSecond;
        _nextSlot = time.GetTimestamp();
        _lastGranted = _nextSlot;
    }

    /// <summary>The current pace in requests per second.</summary>
    public double RequestsPerSecond
    {
        get
        {
            lock (_lock)
            {
                return _rate;
            }
        }
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                return _nextSlot > now ? null : _time.GetElapsedTime(_lastGranted, now);
            }
        }
    }

    /// <summary>Multiplicative decrease; returns true when the rate was cut.</summary>
    public bool OnThrottled()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_lastDecrease != long.MinValue && _time.GetElapsedTime(_lastDecrease, now) < _options.DecreaseCooldown)
            {
                return false;
            }

            _lastDecrease = now;
            _rate = Math.Max(_options.MinRequestsPerSecond, _rate * _options.DecreaseFactor);
            return true;
        }
    }

    /// <summary>Additive increase: about <see cref="BedrockResilienceOptions.IncreasePerSecond"/> per second of successes.</summary>
    public void OnSuccess()
    {
        lock (_lock)
        {
            _rate = Math.Min(_options.MaxRequestsPerSecond, _rate + (_options.IncreasePerSecond / _rate));
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = _nextSlot <= _time.GetTimestamp() ? 1 : 0 };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (permitCount == 0 || _nextSlot <= now)
            {
                if (permitCount > 0)
                {
                    Reserve(now, now);
                }

                return Lease.Granted;
            }

            return Lease.Denied(_time.GetElapsedTime(now, _nextSlot));
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var slot = Math.Max(now, _nextSlot);
            Reserve(slot, now);
            wait = _time.GetElapsedTime(now, slot);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        return Lease.Granted;
    }

    private void Reserve(long slot, long now)
    {
        _nextSlot = slot + (long)(_time.TimestampFrequency / _rate);
        _lastGranted = now;
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Denied(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
