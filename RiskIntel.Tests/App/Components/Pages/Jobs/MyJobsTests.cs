using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Jobs;
using RiskIntel.App.Components.Pages.Jobs;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Pages.Jobs;

public sealed class MyJobsTests : ComponentTestBase
{
    [Fact]
    public async Task StatusChip_ChangePublished_RerendersTheRowsChip()
    {
        var job = await SubmitAsync();
        var cut = Render<MyJobs>();
        cut.WaitForAssertion(() => Assert.Equal("PENDING", Chip(cut, job.Id).TextContent.Trim()));

        await PublishAsync(job, JobStatus.Processing, progress: 40);

        cut.WaitForAssertion(() => Assert.Equal("PROCESSING", Chip(cut, job.Id).TextContent.Trim()));
    }

    [Fact]
    public async Task NewJob_SubmittedWhileOpen_AppearsAtTheTop()
    {
        var older = await SubmitAsync();
        var cut = Render<MyJobs>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='job-status-']")));

        var newer = await SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(
            [$"job-status-{newer.Id}", $"job-status-{older.Id}"],
            cut.FindAll("[data-testid^='job-status-']").Select(e => e.GetAttribute("data-testid"))));
    }

    [Fact]
    public async Task OtherUsersJob_IsNeitherListedNorAdded()
    {
        await SubmitAsync(OtherUserId);
        var cut = Render<MyJobs>();
        cut.WaitForAssertion(() => Assert.Contains("You have not started any jobs yet.", cut.Markup, StringComparison.Ordinal));

        var mine = await SubmitAsync();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='job-status-']")));
        Assert.NotNull(cut.Find($"[data-testid='job-status-{mine.Id}']"));
    }

    [Fact]
    public async Task Dispose_Unsubscribes_FromTheFeed()
    {
        var before = Feed.SubscriberCount;
        var cut = Render<MyJobs>();
        cut.WaitForAssertion(() => Assert.Equal(before + 1, Feed.SubscriberCount));

        await DisposeComponentsAsync();

        Assert.Equal(before, Feed.SubscriberCount);
    }

    [Fact]
    public async Task Filters_ComeFromTheAddress_AndChangesGoBackIntoIt()
    {
        var done = await SubmitAsync();
        var pending = await SubmitAsync();
        await Jobs.CancelAsync(done.Id, UserId, default);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/jobs?status=CANCELLED&type=AI_PREVIEW");

        var cut = Render<MyJobs>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='job-status-']")));
        Assert.NotNull(cut.Find($"[data-testid='job-status-{done.Id}']"));
        Assert.Empty(cut.FindAll($"[data-testid='job-status-{pending.Id}']"));

        await cut.FindComponent<JobFilters>().InvokeAsync(() =>
            cut.FindComponent<JobFilters>().Instance.QueryChanged.InvokeAsync(new JobListQuery(Status: JobStatus.Failed)));

        Assert.EndsWith("/jobs?status=FAILED", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_ShowsTheJobsLabelAndADistinctShortId()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        var cut = Render<MyJobs>();

        cut.WaitForAssertion(() => Assert.Equal("Draft preview", cut.Find($"[data-testid='job-label-{first.Id}']").TextContent));
        Assert.Equal(JobLabels.ShortId(first.Id), cut.Find($"[data-testid='job-short-id-{first.Id}']").TextContent);
        Assert.NotEqual(cut.Find($"[data-testid='job-short-id-{first.Id}']").TextContent, cut.Find($"[data-testid='job-short-id-{second.Id}']").TextContent);
    }

    private static AngleSharp.Dom.IElement Chip(IRenderedComponent<MyJobs> cut, Guid id) =>
        cut.Find($"[data-testid='job-status-{id}']");
}
