using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Jobs;

public sealed class JobCompletionNotifierTests : ComponentTestBase
{
    private readonly ISnackbar _snackbar;

    public JobCompletionNotifierTests() => _snackbar = Services.GetRequiredService<ISnackbar>();

    [Fact]
    public async Task Notifier_OneEndingOfAnOwnJob_IsAnnouncedWithItsLabelAndShortId_OthersJobsAreNot()
    {
        var mine = await SubmitAsync();
        var theirs = await SubmitAsync(OtherUserId);
        var cut = Render<JobCompletionNotifier>();

        await PublishAsync(mine, JobStatus.Processing);
        await PublishAsync(theirs, JobStatus.Completed);
        await PublishAsync(mine with { Status = JobStatus.Processing }, JobStatus.Failed, error: "TimeoutException: The operation timed out.");

        var shown = await AnnouncedAfterWindowAsync(cut, pending: 1);
        var announced = Assert.Single(shown);
        Assert.Equal(Severity.Error, announced.Severity);
        Assert.Equal($"AI preview · Draft preview ({JobLabels.ShortId(mine.Id)}) failed. "
            + "The AI service did not answer in time. Check the network connection, or try again later.", announced.Message);
    }

    [Fact]
    public async Task Notifier_BurstOfEndings_GivesOneGroupedSnackbar()
    {
        var jobs = new[] { await SubmitAsync(), await SubmitAsync(), await SubmitAsync() };
        var cut = Render<JobCompletionNotifier>();

        foreach (var job in jobs)
        {
            await PublishAsync(job, JobStatus.Completed, progress: 100);
        }

        var announced = Assert.Single(await AnnouncedAfterWindowAsync(cut, pending: 3));
        Assert.Equal("3 jobs completed.", announced.Message);
        Assert.Equal(Severity.Success, announced.Severity);
    }

    [Fact]
    public async Task Notifier_MixedBurst_CountsCompletedAndFailed()
    {
        var jobs = new[] { await SubmitAsync(), await SubmitAsync(), await SubmitAsync() };
        var cut = Render<JobCompletionNotifier>();

        await PublishAsync(jobs[0], JobStatus.Completed);
        await PublishAsync(jobs[1], JobStatus.Failed, error: "ValidationException: userPrompt is required.");
        await PublishAsync(jobs[2], JobStatus.Completed);

        var announced = Assert.Single(await AnnouncedAfterWindowAsync(cut, pending: 3));
        Assert.Equal("2 jobs completed, 1 failed.", announced.Message);
        Assert.Equal(Severity.Warning, announced.Severity);
    }

    [Fact]
    public async Task Notifier_JobAlreadyOnScreen_IsNotAnnounced()
    {
        var watched = await SubmitAsync();
        var other = await SubmitAsync();
        using var onScreen = Services.GetRequiredService<JobsOnScreen>().Show(watched.Id);
        var cut = Render<JobCompletionNotifier>();

        await PublishAsync(watched, JobStatus.Completed);
        await PublishAsync(other, JobStatus.Completed);

        var announced = Assert.Single(await AnnouncedAfterWindowAsync(cut, pending: 1));
        Assert.Contains(JobLabels.ShortId(other.Id), announced.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(JobLabels.ShortId(watched.Id), announced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifier_Disposed_Unsubscribes()
    {
        var before = Feed.SubscriberCount;
        Render<JobCompletionNotifier>();
        Assert.Equal(before + 1, Feed.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Feed.SubscriberCount);
    }

    /// <summary>
    /// Waits until the feed delivered the endings (it delivers one subscription's changes in order, so once the
    /// last one is pending the others were seen), closes the group window on the fake clock, then reads the snackbars.
    /// </summary>
    private async Task<IReadOnlyList<Snackbar>> AnnouncedAfterWindowAsync(IRenderedComponent<JobCompletionNotifier> cut, int pending)
    {
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _snackbar.OnSnackbarsUpdated += () => shown.TrySetResult();
        cut.WaitForState(() => cut.Instance.PendingCount == pending);
        Assert.Empty(_snackbar.ShownSnackbars);

        Clock.Advance(JobCompletionNotifier.GroupWindow);

        await shown.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return [.. _snackbar.ShownSnackbars];
    }
}
