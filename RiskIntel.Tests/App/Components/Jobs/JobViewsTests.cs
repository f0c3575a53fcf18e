using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Jobs;
using RiskIntel.App.Components.Prompts;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Tests.App.Components.Jobs;

public sealed class JobViewsTests : ComponentTestBase
{
    private JobViews Views => Services.GetRequiredService<JobViews>();

    [Fact]
    public void ResultView_AiPreview_IsItsRegisteredView_EveryTypeWithoutOneGetsTheJsonView()
    {
        Assert.Equal(typeof(AiPreviewResultView), Views.ResultView(JobType.AiPreview));
        foreach (var type in Enum.GetValues<JobType>().Where(t => t != JobType.AiPreview))
        {
            Assert.False(Views.HasView(type));
            Assert.Equal(typeof(JsonResultView), Views.ResultView(type));
        }
    }

    [Fact]
    public async Task AddJobView_OneLine_RegistersTheViewAndTheLabelOfANewType()
    {
        var services = new ServiceCollection().AddJobViews();

        services.AddJobView<JsonResultView, FixedLabel>(JobType.GapDetection);

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var views = scope.ServiceProvider.GetRequiredService<JobViews>();
        Assert.Equal(typeof(JsonResultView), views.ResultView(JobType.GapDetection));
        Assert.Equal("Gaps of plan.pdf", await views.LabelAsync(Job(JobType.GapDetection), default));
    }

    [Fact]
    public async Task Label_DraftPreview_SaysDraftPreview()
    {
        var job = await SubmitAsync(input: new JsonObject { ["userPrompt"] = "Summarise the plan." });

        Assert.Equal(AiPreviewLabelProvider.Draft, await Views.LabelAsync(job, default));
    }

    [Fact]
    public async Task Label_StoredPromptPreview_NamesThePromptAndTheVersionThatRan_EvenAfterARenameOrDelete()
    {
        var prompt = await Prompts.CreateAsync(new PromptDraft("Coop scoring", "RISK_ANALYSIS", "", "Score {{companyName}}", []), AdminId, default);
        var v1 = await SubmitAsync(input: PromptPreview.Stored(prompt, null, null, UserId).Input);
        var renamed = await Prompts.UpdateAsync(prompt.Id, new PromptDraft("Coop scoring (strict)", "RISK_ANALYSIS", "", "Score {{companyName}} strictly", []), 1, AdminId, default);
        var v2 = await SubmitAsync(input: PromptPreview.Stored(renamed!, null, null, UserId).Input);
        await Prompts.DeleteAsync(prompt.Id, AdminId, default);

        Assert.Equal("Coop scoring · v1", await Views.LabelAsync(v1, default));
        Assert.Equal("Coop scoring (strict) · v2", await Views.LabelAsync(v2, default));
        Assert.Equal($"Coop scoring · v1 ({JobLabels.ShortId(v1.Id)})", await Views.TitleAsync(v1, default));
    }

    [Fact]
    public void ShortId_IdsOfTheSameMillisecond_AreDifferent()
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.CreateVersion7(at)).ToList();

        Assert.Single(ids.Select(id => id.ToString("N")[..8]).Distinct());
        Assert.Equal(100, ids.Select(JobLabels.ShortId).Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}$", JobLabels.ShortId(id)));
    }

    private static JobDto Job(JobType type) => new(
        Guid.CreateVersion7(), type, JobStatus.Pending, System.Text.Json.JsonSerializer.SerializeToElement(new { file = "plan.pdf" }), null, null,
        0, 3, 0, null, UserId, DateTime.UtcNow, null, null, DateTime.UtcNow, null);

    private sealed class FixedLabel : IJobLabelProvider
    {
        public Task<string> LabelAsync(JobDto job, CancellationToken cancellationToken) =>
            Task.FromResult($"Gaps of {job.Input.GetProperty("file").GetString()}");
    }
}
