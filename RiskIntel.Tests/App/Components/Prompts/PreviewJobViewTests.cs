using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Jobs;
using RiskIntel.App.Components.Prompts;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Prompts;

public sealed class PreviewJobViewTests : ComponentTestBase
{
    private static readonly JsonElement Result = JsonSerializer.SerializeToElement(
        new { output = "Three risks stand out.", model = "offline", inputTokens = 12, outputTokens = 5, tokensUsed = 17, processingTimeMs = 42, renderedSystemPrompt = "", renderedUserPrompt = "x" },
        ApiJson.Options);

    public PreviewJobViewTests() => SignInAsAdmin();

    [Fact]
    public async Task PreviewJobView_FeedEvents_MoveTheStatusFromPendingToCompletedWithTheOutput()
    {
        var job = await SubmitAsync(AdminId);
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, job));
        cut.WaitForAssertion(() => Assert.Equal("PENDING", StatusText(cut)));
        Assert.Empty(cut.FindAll("[data-testid=preview-output]"));

        await PublishAsync(job, JobStatus.Processing, progress: 10);
        cut.WaitForAssertion(() => Assert.Equal("PROCESSING", StatusText(cut)));
        var processing = job with { Status = JobStatus.Processing, UpdatedAt = job.UpdatedAt.AddSeconds(1) };
        await Feed.PublishAsync(new(processing with { Status = JobStatus.Completed, Result = Result, Progress = 100, UpdatedAt = processing.UpdatedAt.AddSeconds(1) }, JobStatus.Processing), default);

        cut.WaitForAssertion(() => Assert.Equal("COMPLETED", StatusText(cut)));
        Assert.Equal("Three risks stand out.", cut.Find("[data-testid=preview-output]").TextContent);
        Assert.Equal("offline · 12 in / 5 out · 17 tokens · 42 ms", cut.Find("[data-testid=preview-usage]").TextContent.Trim());
    }

    [Fact]
    public async Task PreviewJobView_ChangeCommittedBeforeItSubscribed_IsReadFromTheRow()
    {
        var job = await SubmitAsync(AdminId);
        await Jobs.CancelAsync(job.Id, AdminId, default);

        // The view is handed the job as it was at submission; only the re-read can know it was cancelled since.
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, job));

        cut.WaitForAssertion(() => Assert.Equal("CANCELLED", StatusText(cut)));
        Assert.Equal("The preview was cancelled.", cut.Find("[data-testid=preview-error]").TextContent.Trim());
    }

    [Fact]
    public async Task PreviewJobView_OlderRowReadAfterTheEnd_DoesNotStepBack()
    {
        // The feed's completion can overtake the view's re-read of the row, which then finds an older state.
        var job = await SubmitAsync(AdminId);
        var completed = job with { Status = JobStatus.Completed, Result = Result, UpdatedAt = job.UpdatedAt.AddSeconds(2) };

        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, completed));

        // SQLite answers synchronously, so the re-read is done once the first render is (the test above shows it applies).
        cut.WaitForAssertion(() => Assert.Equal("COMPLETED", StatusText(cut)));
        Assert.Equal(JobStatus.Pending, (await Jobs.GetAsync(job.Id, null, default))!.Status);
        Assert.Equal("COMPLETED", StatusText(cut));
        Assert.Equal("Three risks stand out.", cut.Find("[data-testid=preview-output]").TextContent);
    }

    [Fact]
    public async Task PreviewJobView_Failure_ShowsFailedAPlainSentenceAndTheRawErrorOnlyBehindTheToggle()
    {
        var job = await SubmitAsync(AdminId);
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, job));

        await PublishAsync(job, JobStatus.Failed, error: "ValidationException: unknown variable {{region}}");

        cut.WaitForAssertion(() => Assert.Equal("FAILED", StatusText(cut)));
        Assert.Equal("The preview failed. No value was given for {{region}}. Fill in every variable of the prompt and run it again.",
            Normalised(cut.Find("[data-testid=preview-error-sentence]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=preview-error-detail]"));
        Assert.Empty(cut.FindAll("[data-testid=preview-output]"));

        await cut.Find("[data-testid=preview-error-toggle]").ClickAsync(new());

        Assert.Equal("ValidationException: unknown variable {{region}}", cut.Find("[data-testid=preview-error-detail]").TextContent);
    }

    [Fact]
    public async Task PreviewJobView_Cancelled_ReadsAsAWarningLikeEverywhereElse()
    {
        var job = await SubmitAsync(AdminId);
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, job));

        await PublishAsync(job, JobStatus.Cancelled);

        cut.WaitForAssertion(() => Assert.Equal("CANCELLED", StatusText(cut)));
        Assert.Equal(MudBlazor.Color.Warning, JobLabels.Color(JobStatus.Cancelled));
        Assert.Contains("mud-chip-color-warning", cut.Find($"[data-testid=job-status-{job.Id}]").ClassName, StringComparison.Ordinal);
        Assert.Contains("warning", cut.Find("[data-testid=preview-error]").ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("error", cut.Find("[data-testid=preview-error]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewJobView_WhileShown_CountsAsOnScreen_AndDisposedUnsubscribesAndLeaves()
    {
        var job = await SubmitAsync(AdminId);
        var onScreen = Services.GetRequiredService<JobsOnScreen>();
        var before = Feed.SubscriberCount;

        Render<PreviewJobView>(p => p.Add(c => c.Job, job));
        Assert.Equal(before + 1, Feed.SubscriberCount);
        Assert.True(onScreen.Contains(job.Id));

        await DisposeComponentsAsync();

        Assert.Equal(before, Feed.SubscriberCount);
        Assert.False(onScreen.Contains(job.Id));
    }

    private static string StatusText(IRenderedComponent<PreviewJobView> cut) => cut.Find("[data-testid=preview-status]").TextContent.Trim();

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
