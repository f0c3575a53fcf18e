using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Shared;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// Announces, anywhere in the app, when the signed-in user's jobs complete or fail. Endings that arrive together
/// (a comparison's two previews, a batch) share one snackbar, and a job the user is already watching on screen
/// (its job page, a preview panel) is not announced at all.
/// </summary>
public sealed class JobCompletionNotifier : LiveJobComponentBase
{
    /// <summary>How long to wait for more endings before announcing; short enough to feel immediate.</summary>
    internal static readonly TimeSpan GroupWindow = TimeSpan.FromMilliseconds(800);

    private readonly List<JobDto> _pending = [];

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private JobViews Views { get; set; } = default!;

    [Inject]
    private JobsOnScreen OnScreen { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Endings waiting for the group window to close (for tests).</summary>
    internal int PendingCount => _pending.Count;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var userId = user.GetUserId();
            Follow(on => Feed.SubscribeUser(userId, on));
        }
    }

    protected override Task<bool> ApplyAsync(JobStatusChanged change)
    {
        if (!change.IsTransition || change.Job.Status is not (JobStatus.Completed or JobStatus.Failed) || OnScreen.Contains(change.Job.Id))
        {
            return Task.FromResult(false);
        }

        _pending.Add(change.Job);
        if (_pending.Count == 1)
        {
            _ = AnnounceAfterWindowAsync();
        }

        // Renders nothing; the render only lets a waiting test see the ending queued.
        return Task.FromResult(true);
    }

    private async Task AnnounceAfterWindowAsync()
    {
        try
        {
            await Task.Delay(GroupWindow, Time, Cancellation);
            await InvokeAsync(AnnounceAsync);
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task AnnounceAsync()
    {
        // A job opened during the window needs no announcement any more.
        var jobs = _pending.Where(j => !OnScreen.Contains(j.Id)).ToList();
        _pending.Clear();
        if (jobs.Count == 1)
        {
            await AnnounceOneAsync(jobs[0]);
        }
        else if (jobs.Count > 1)
        {
            AnnounceMany(jobs);
        }
    }

    private async Task AnnounceOneAsync(JobDto job)
    {
        var title = $"{JobLabels.Name(job.Type)} · {await Views.TitleAsync(job, Cancellation)}";
        var completed = job.Status == JobStatus.Completed;
        var message = completed ? $"{title} completed." : $"{title} failed. {ErrorExplainer.Explain(job.Error ?? "").Sentence}";
        Show(message, completed ? Severity.Success : Severity.Error, $"/jobs/{job.Id}", $"job-{job.Id}-{job.Status}");
    }

    private void AnnounceMany(List<JobDto> jobs)
    {
        var failed = jobs.Count(j => j.Status == JobStatus.Failed);
        var completed = jobs.Count - failed;
        var message = (completed, failed) switch
        {
            (_, 0) => $"{completed} jobs completed.",
            (0, _) => $"{failed} jobs failed.",
            _ => $"{completed} {(completed == 1 ? "job" : "jobs")} completed, {failed} failed.",
        };
        var filter = failed > 0 && completed == 0 ? "/jobs?status=FAILED" : "/jobs";
        Show(message, failed > 0 ? Severity.Warning : Severity.Success, filter, $"jobs-{string.Join(',', jobs.Select(j => j.Id))}");
    }

    private void Show(string message, Severity severity, string target, string key) =>
        Snackbar.Add(message, severity, options =>
        {
            options.Action = "Open";
            options.OnClick = _ =>
            {
                Navigation.NavigateTo(target);
                return Task.CompletedTask;
            };
        }, key: key);
}
