using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Pages.Assessments;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.App.Components.Assessments;

namespace RiskIntel.Tests.App.Components.Pages.Assessments;

public sealed class AssessmentsDashboardTests : AssessmentComponentTestBase
{
    [Fact]
    public async Task StatusFilterInTheUrl_ShowsOnlyThoseAssessments_AndTheCountsOfAll()
    {
        var draft = await CreateAssessmentAsync("Draft partner");
        var reviewed = await CreateAssessmentAsync("Reviewed partner");
        await MoveToReviewAsync(reviewed.Id);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/assessments?status=ACTION_REQUIRED");

        var cut = Render<AssessmentsDashboard>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='assessment-link-{reviewed.Id}']")));
        Assert.Empty(cut.FindAll($"[data-testid='assessment-link-{draft.Id}']"));
        Assert.Equal("2", cut.Find("[data-testid='stat-total']").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid='stat-drafts']").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid='stat-action-required']").TextContent.Trim());
    }

    [Fact]
    public async Task PipelineStepOfAListedAssessment_MovesItsRowAndTheCountsLive()
    {
        var assessment = await CreateAssessmentAsync("Ndaragwa dairy 2026");
        var cut = Render<AssessmentsDashboard>();
        cut.WaitForAssertion(() => Assert.Equal("Draft", cut.Find($"[data-testid='assessment-status-{assessment.Id}']").TextContent.Trim()));

        await MoveToReviewAsync(assessment.Id);
        var job = (await Jobs.SubmitAsync(new JobSubmission(JobType.GapDetection,
            new System.Text.Json.Nodes.JsonObject { ["assessmentId"] = assessment.Id }, UserId), default)).Job;

        cut.WaitForAssertion(() => Assert.Equal("Action required", cut.Find($"[data-testid='assessment-status-{assessment.Id}']").TextContent.Trim()));
        Assert.Equal("1", cut.Find("[data-testid='stat-action-required']").TextContent.Trim());
        Assert.Equal("0", cut.Find("[data-testid='stat-drafts']").TextContent.Trim());
        Assert.NotNull(cut.Find($"[data-testid='job-status-{job.Id}']"));
    }

    private async Task MoveToReviewAsync(Guid id)
    {
        await using var db = Db.CreateDbContext();
        (await db.Assessments.SingleAsync(a => a.Id == id)).AwaitReview("Review the gaps.", DateTime.UtcNow);
        await db.SaveChangesAsync();
    }
}
