using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// The base of every component that shows jobs live (CONVENTIONS 11). It subscribes to the in-process status feed,
/// applies the changes on the renderer's context through <c>InvokeAsync</c> (in commit order, as many as have
/// arrived in one dispatch), re-renders when a change mattered,
/// hands failures to the error boundary, and unsubscribes and cancels its work when the component goes.
/// Renders are coalesced: a change renders at once unless the last live render was less than
/// <see cref="RenderInterval"/> ago, in which case one render follows at the end of that interval for every change
/// in it. A burst (hundreds of jobs a second on a cluster) then costs ten renders a second, not one per change,
/// and the page stays within a frame or two of the feed instead of falling seconds behind.
/// </summary>
public abstract class LiveJobComponentBase : ComponentBase, IDisposable
{
    /// <summary>The shortest time between two renders caused by feed changes.</summary>
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;
    private readonly ConcurrentQueue<JobStatusChanged> _pending = new();
    private int _draining;
    private long _lastLiveRender;
    private bool _renderScheduled;

    [Inject]
    protected JobStatusFeed Feed { get; set; } = default!;

    /// <summary>Cancelled when the component is disposed.</summary>
    protected CancellationToken Cancellation => _cts.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Replaces the current subscription, e.g. <c>Follow(on => Feed.SubscribeUser(id, on))</c>. Subscribe before reading
    /// the rows, so no change between the read and the subscription is missed.
    /// </summary>
    protected void Follow(Func<Func<JobStatusChanged, Task>, IDisposable> subscribe)
    {
        Unfollow();
        _subscription = subscribe(OnFeedAsync);
    }

    protected void Unfollow()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    /// <summary>Runs on the renderer's context, one change at a time in commit order; true re-renders.</summary>
    protected abstract Task<bool> ApplyAsync(JobStatusChanged change);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Unfollow();

            // Not disposed: a feed callback already in flight may still read the token.
            _cts.Cancel();
        }
    }

    // The feed's callback only queues: one hop onto the renderer's context then applies every change queued so far,
    // in order, so a burst costs one dispatch, not one per change, and a busy renderer never holds up the feed.
    private Task OnFeedAsync(JobStatusChanged change)
    {
        _pending.Enqueue(change);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = DrainAsync();
        }

        return Task.CompletedTask;
    }

    private async Task DrainAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                var render = false;
                do
                {
                    while (!_cts.IsCancellationRequested && _pending.TryDequeue(out var change))
                    {
                        render |= await ApplyAsync(change);
                    }

                    Volatile.Write(ref _draining, 0);
                }
                while (!_pending.IsEmpty && !_cts.IsCancellationRequested && Interlocked.CompareExchange(ref _draining, 1, 0) == 0);

                if (render && !_cts.IsCancellationRequested)
                {
                    RenderSoon();
                }
            });
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _draining, 0);
            await DispatchExceptionAsync(ex);
        }
    }

    // On the renderer's context.
    private void RenderSoon()
    {
        if (_renderScheduled)
        {
            return;
        }

        var since = Stopwatch.GetElapsedTime(_lastLiveRender);
        if (_lastLiveRender == 0 || since >= RenderInterval)
        {
            _lastLiveRender = Stopwatch.GetTimestamp();
            StateHasChanged();
            return;
        }

        _renderScheduled = true;
        _ = RenderAfterAsync(RenderInterval - since);
    }

    private async Task RenderAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _cts.Token);
            await InvokeAsync(() =>
            {
                _renderScheduled = false;
                _lastLiveRender = Stopwatch.GetTimestamp();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
