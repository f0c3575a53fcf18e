using System.Text.Json;
using Bunit;
using RiskIntel.Core;
using RiskIntel.App.Components.Prompts;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.Tests.App.Components.Prompts;

public sealed class PreviewJobViewTests : PromptComponentTestContext
{
    private static readonly DateTime T0 = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task PreviewJobView_FeedEvents_MoveTheStatusFromPendingToCompletedWithTheOutput()
    {
        var pending = Job(JobStatus.Pending, T0);
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, pending));
        Assert.Equal("PENDING", StatusText(cut));
        Assert.Equal(1, Feed.SubscriberCount);

        await Feed.PublishAsync(new JobStatusChanged(Job(JobStatus.Processing, T0.AddSeconds(1)), JobStatus.Pending), default);
        cut.WaitForAssertion(() => Assert.Equal("PROCESSING", StatusText(cut)));

        var result = JsonSerializer.SerializeToElement(
            new { output = "Three risks stand out.", model = "offline", inputTokens = 12, outputTokens = 5, tokensUsed = 17, processingTimeMs = 42, renderedSystemPrompt = "", renderedUserPrompt = "x" },
            ApiJson.Options);
        await Feed.PublishAsync(new JobStatusChanged(Job(JobStatus.Completed, T0.AddSeconds(2)) with { Result = result, Progress = 100 }, JobStatus.Processing), default);

        cut.WaitForAssertion(() => Assert.Equal("COMPLETED", StatusText(cut)));
        Assert.Equal("Three risks stand out.", cut.Find("[data-testid=preview-output]").TextContent);
        Assert.Contains("17 tokens", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("42 ms", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewJobView_Failure_ShowsFailedAndTheError()
    {
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, Job(JobStatus.Pending, T0)));

        await Feed.PublishAsync(new JobStatusChanged(Job(JobStatus.Failed, T0.AddSeconds(1)) with { Error = "ValidationException: unknown variable {{region}}" }, JobStatus.Processing), default);

        cut.WaitForAssertion(() => Assert.Equal("FAILED", StatusText(cut)));
        Assert.Contains("unknown variable {{region}}", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=preview-output]"));
    }

    [Fact]
    public async Task PreviewJobView_Disposed_UnsubscribesFromTheFeed()
    {
        var cut = Render<PreviewJobView>(p => p.Add(c => c.Job, Job(JobStatus.Pending, T0)));
        Assert.Equal(1, Feed.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Feed.SubscriberCount);
        Assert.NotNull(cut);
    }

    private static string StatusText(IRenderedComponent<PreviewJobView> cut) => cut.Find("[data-testid=preview-status]").TextContent.Trim();

    private static JobDto Job(JobStatus status, DateTime updatedAt) => new(
        JobId, JobType.AiPreview, status, JsonSerializer.SerializeToElement(new { userPrompt = "x" }), null, null,
        status == JobStatus.Pending ? 0 : 1, 3, 0, null, PromptComponentTestContext.AdminId, T0, null, null, updatedAt, null);

    private static readonly Guid JobId = Guid.NewGuid();
}
