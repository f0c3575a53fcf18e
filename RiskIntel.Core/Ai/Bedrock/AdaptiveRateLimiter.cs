using System.Threading.RateLimiting;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// Paces requests to one model at an adaptive rate (AIMD). Waiters queue in order and each is let through
/// 1/rate after the previous one, with the rate read at that moment, so a change reaches a queue that is
/// already long. A throttling answer multiplies the rate by a factor below one (once per cool-down, since
/// one congestion event shows up as many 429s); each success adds a little, so the rate probes back up to
/// the quota. Waiting callers hold no thread.
/// </summary>
internal sealed class AdaptiveRateLimiter : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<RateLimitLease>> _waiters = new();
    private readonly TimeProvider _time;
    private readonly BedrockResilienceOptions _options;
    private readonly ITimer _timer;
    private double _rate;
    private long _lastGrant;
    private long _lastDecrease = long.MinValue;
    private bool _timerArmed;

    public AdaptiveRateLimiter(BedrockResilienceOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _rate = options.InitialRequestsPerSecond;
        _lastGrant = long.MinValue;
        _timer = time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
                return _waiters.Count > 0 || _lastGrant == long.MinValue ? null : _time.GetElapsedTime(_lastGrant);
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
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _waiters.Count == 0 && Wait(_time.GetTimestamp()) <= TimeSpan.Zero ? 1 : 0,
                CurrentQueuedCount = _waiters.Count,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var wait = Wait(now);
            if (permitCount == 0 || (_waiters.Count == 0 && wait <= TimeSpan.Zero))
            {
                if (permitCount > 0)
                {
                    _lastGrant = now;
                }

                return Lease.Granted;
            }

            return Lease.Denied(wait > TimeSpan.Zero ? wait : Interval);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        TaskCompletionSource<RateLimitLease> waiter;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (permitCount == 0 || (_waiters.Count == 0 && Wait(now) <= TimeSpan.Zero))
            {
                if (permitCount > 0)
                {
                    _lastGrant = now;
                }

                return ValueTask.FromResult<RateLimitLease>(Lease.Granted);
            }

            waiter = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            Arm(now);
        }

        return WaitAsync(waiter, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
            lock (_lock)
            {
                while (_waiters.TryDequeue(out var waiter))
                {
                    waiter.TrySetResult(Lease.Denied(TimeSpan.Zero));
                }
            }
        }

        base.Dispose(disposing);
    }

    private static async ValueTask<RateLimitLease> WaitAsync(TaskCompletionSource<RateLimitLease> waiter, CancellationToken cancellationToken)
    {
        // A cancelled waiter stays queued but completed; Release skips it.
        await using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return await waiter.Task;
    }

    private TimeSpan Interval => TimeSpan.FromSeconds(1 / _rate);

    private TimeSpan Wait(long now) =>
        _lastGrant == long.MinValue ? TimeSpan.Zero : Interval - _time.GetElapsedTime(_lastGrant, now);

    private void Release()
    {
        List<TaskCompletionSource<RateLimitLease>> granted = [];
        lock (_lock)
        {
            _timerArmed = false;
            var now = _time.GetTimestamp();
            while (_waiters.TryPeek(out var next) && (next.Task.IsCompleted || Wait(now) <= TimeSpan.Zero))
            {
                _waiters.Dequeue();
                if (!next.Task.IsCompleted)
                {
                    _lastGrant = now;
                    granted.Add(next);
                }
            }

            if (_waiters.Count > 0)
            {
                Arm(now);
            }
        }

        foreach (var waiter in granted)
        {
            waiter.TrySetResult(Lease.Granted);
        }
    }

    private void Arm(long now)
    {
        if (!_timerArmed)
        {
            _timerArmed = true;
            var wait = Wait(now);
            _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
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
