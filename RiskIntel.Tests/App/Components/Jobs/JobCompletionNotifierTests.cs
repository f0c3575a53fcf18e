using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Jobs;

public sealed class JobCompletionNotifierTests : ComponentTestBase
{
    [Fact]
    public async Task TerminalTransitionsOfOwnJobs_AreAnnounced_OthersAreNot()
    {
        var snackbar = Services.GetRequiredService<ISnackbar>();
        var before = Feed.SubscriberCount;
        var mine = await SubmitAsync();
        var theirs = await SubmitAsync(OtherUserId);
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        snackbar.OnSnackbarsUpdated += () => shown.TrySetResult();
        Render<JobCompletionNotifier>();
        Assert.Equal(before + 1, Feed.SubscriberCount);

        await PublishAsync(mine, JobStatus.Processing);
        await PublishAsync(theirs, JobStatus.Completed);
        await PublishAsync(mine with { Status = JobStatus.Processing }, JobStatus.Failed);

        // The feed delivers one subscription's changes in order, so once the failure is shown the rest were seen.
        await shown.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var announced = Assert.Single(snackbar.ShownSnackbars);
        Assert.Equal(Severity.Error, announced.Severity);
        Assert.Contains(JobLabels.ShortId(mine.Id), announced.Message, StringComparison.Ordinal);

        await DisposeComponentsAsync();
        Assert.Equal(before, Feed.SubscriberCount);
    }
}
