using Microsoft.AspNetCore.Components;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// The base of every component that shows jobs live (CONVENTIONS 11). It subscribes to the in-process status feed,
/// applies each change on the renderer's context through <c>InvokeAsync</c>, re-renders when the change mattered,
/// hands failures to the error boundary, and unsubscribes and cancels its work when the component goes.
/// </summary>
public abstract class LiveJobComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;

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

    private async Task OnFeedAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (await ApplyAsync(change))
                {
                    StateHasChanged();
                }
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
