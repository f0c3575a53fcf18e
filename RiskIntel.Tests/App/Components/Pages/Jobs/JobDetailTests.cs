using Bunit;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Admin_AnotherUsersJob_IsShownWithTheOwnersEmail_ButNotCancellable()
    {
        await AddAccountAsync(OtherUserId, "other@test.local");
        var job = await SubmitAsync(OtherUserId);
        SignInAsAdmin();

        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));

        cut.WaitForAssertion(() => Assert.Equal("other@test.local", cut.Find("[data-testid='job-owner']").TextContent));
        Assert.Empty(cut.FindAll("[data-testid='job-not-found']"));
        Assert.Contains("PENDING", cut.Find("[data-testid='job-timeline']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='job-cancel']"));
        Assert.Contains("Jobs monitor", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heading_IsTheJobsLabel_WithTheDistinctShortId()
    {
        var prompt = await Prompts.CreateAsync(new("Coop scoring", "RISK_ANALYSIS", "", "Score {{companyName}}", []), AdminId, default);
        var job = await SubmitAsync(input: RiskIntel.Core.Prompts.PromptPreview.Stored(prompt, null, null, UserId).Input);

        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));

        cut.WaitForAssertion(() => Assert.Equal("Coop scoring · v1", cut.Find("[data-testid='job-heading']").TextContent));
        Assert.Equal(job.Id.ToString("N")[^8..], cut.Find("[data-testid='job-short-id']").TextContent);
    }

    [Fact]
    public async Task Result_IsShownByTheViewRegisteredForItsType_OtherTypesAsJson()
    {
        var preview = await SubmitAsync();
        var gaps = await SubmitAsync(type: JobType.GapDetection);
        var result = System.Text.Json.JsonSerializer.SerializeToElement(new { output = "Water is the main risk.", model = "offline", gapCount = 3 });
        var previewPage = Render<JobDetail>(p => p.Add(c => c.Id, preview.Id));
        var gapsPage = Render<JobDetail>(p => p.Add(c => c.Id, gaps.Id));
        previewPage.WaitForElement("[data-testid='job-timeline']");
        gapsPage.WaitForElement("[data-testid='job-timeline']");

        await Feed.PublishAsync(new(preview with { Status = JobStatus.Completed, Result = result, UpdatedAt = preview.UpdatedAt.AddSeconds(1) }, JobStatus.Processing), default);
        await Feed.PublishAsync(new(gaps with { Status = JobStatus.Completed, Result = result, UpdatedAt = gaps.UpdatedAt.AddSeconds(1) }, JobStatus.Processing), default);

        previewPage.WaitForAssertion(() => Assert.Equal("Water is the main risk.", previewPage.Find("[data-testid='job-result-output']").TextContent));
        gapsPage.WaitForAssertion(() => Assert.Contains("\"gapCount\": 3", gapsPage.Find("pre").TextContent, StringComparison.Ordinal));
        Assert.Empty(gapsPage.FindAll("[data-testid='job-result-output']"));
    }

    [Fact]
    public async Task Input_IsShownWithoutJsonEscapes()
    {
        var job = await SubmitAsync(input: new System.Text.Json.Nodes.JsonObject { ["userPrompt"] = "Maize & beans for <Kisumu> coop, café \"Ndovu\"" });

        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));

        var input = cut.WaitForElement("[data-testid='job-input']").TextContent;
        Assert.Contains("Maize & beans for <Kisumu> coop, café \\\"Ndovu\\\"", input, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0026", input, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", input, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ShownJob_CountsAsOnScreenUntilTheComponentGoes()
    {
        var job = await SubmitAsync();
        var onScreen = Services.GetRequiredService<RiskIntel.App.Components.Jobs.JobsOnScreen>();

        var cut = Render<JobDetail>(p => p.Add(c => c.Id, job.Id));
        cut.WaitForElement("[data-testid='job-timeline']");
        Assert.True(onScreen.Contains(job.Id));

        await DisposeComponentsAsync();

        Assert.False(onScreen.Contains(job.Id));
    }
}
