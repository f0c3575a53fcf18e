using Bunit;
using RiskIntel.App.Components.Pages.Jobs;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Pages.Jobs;

public sealed class JobDetailTests : ComponentTestBase
{
    [Fact]
    public async Task PendingJob_ShowsTimelineAndCancelButton()
    {
        var job = await SubmitAsync();

        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));

        cut.WaitForAssertion(() => Assert.Contains("PENDING", cut.Find("[data-testid='job-timeline']").TextContent, StringComparison.Ordinal));
        Assert.Contains("Submitted", cut.Find("[data-testid='job-timeline']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid='job-cancel']"));
    }

    [Fact]
    public async Task Cancel_PendingJob_EndsCancelledAndHidesTheButton()
    {
        var job = await SubmitAsync();
        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));
        cut.WaitForElement("[data-testid='job-cancel']");

        await cut.Find("[data-testid='job-cancel']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("CANCELLED", cut.Find($"[data-testid='job-status-{job.Id}']").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid='job-cancel']"));
        Assert.Contains("PENDING → CANCELLED", cut.Find("[data-testid='job-timeline']").TextContent, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Cancelled, (await Jobs.GetAsync(job.Id, UserId, default))!.Status);
    }

    [Fact]
    public async Task TerminalChangePublished_HidesTheCancelButtonLive()
    {
        var job = await SubmitAsync();
        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));
        cut.WaitForElement("[data-testid='job-cancel']");

        await PublishAsync(job, JobStatus.Completed, progress: 100);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='job-cancel']")));
        Assert.Equal("COMPLETED", cut.Find($"[data-testid='job-status-{job.Id}']").TextContent.Trim());
    }

    [Fact]
    public async Task AnotherUsersJob_ShowsNotFoundAndNoData()
    {
        var job = await SubmitAsync(OtherUserId);

        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));

        cut.WaitForElement("[data-testid='job-not-found']");
        Assert.Empty(cut.FindAll("[data-testid='job-timeline']"));
        Assert.DoesNotContain("prompt ", cut.Markup, StringComparison.Ordinal);
    }
}
