using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Jobs;

/// <summary>Announces, anywhere in the app, when one of the signed-in user's jobs completes or fails.</summary>
public sealed class JobCompletionNotifier : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            _subscription = Feed.SubscribeUser(user.GetUserId(), OnChangeAsync);
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        if (!change.IsTransition || change.Job.Status is not (JobStatus.Completed or JobStatus.Failed))
        {
            return;
        }

        try
        {
            await InvokeAsync(() => Announce(change.Job));
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private void Announce(JobDto job)
    {
        var completed = job.Status == JobStatus.Completed;
        var message = completed
            ? $"{JobLabels.Name(job.Type)} {JobLabels.ShortId(job.Id)} completed."
            : $"{JobLabels.Name(job.Type)} {JobLabels.ShortId(job.Id)} failed: {JobLabels.ReadableError(job.Error ?? "unknown error")}";
        Snackbar.Add(message, completed ? Severity.Success : Severity.Error, options =>
        {
            options.Action = "Open";
            options.OnClick = _ =>
            {
                Navigation.NavigateTo($"/jobs/{job.Id}");
                return Task.CompletedTask;
            };
        }, key: $"job-{job.Id}-{job.Status}");
    }
}
