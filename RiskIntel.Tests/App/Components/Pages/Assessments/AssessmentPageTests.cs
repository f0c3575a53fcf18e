using System.Text;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Pages.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.App.Components.Assessments;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.App.Components.Pages.Assessments;

public sealed class AssessmentPageTests : AssessmentComponentTestBase
{
    [Fact]
    public async Task JobOfThisAssessmentFinishes_HeaderTimelineAndDocumentsFollowLive()
    {
        var assessment = await CreateAssessmentAsync();
        var upload = await Services.GetRequiredService<DocumentService>().UploadAsync(assessment.Id, UserId, "lakeside-plan.txt",
            new MemoryStream(Encoding.UTF8.GetBytes(SampleMarkdown.ToText(SampleBusinessPlan.Document()))), default);
        var cut = Render<AssessmentPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForAssertion(() => Assert.Equal("Analyzing", cut.Find("[data-testid='assessment-status']").TextContent.Trim()));
        Assert.Equal("PENDING", cut.Find($"[data-testid='job-status-{upload.Job!.Id}']").TextContent.Trim());
        Assert.Contains("Reading lakeside-plan.txt", cut.Find("[data-testid='assessment-status-message']").TextContent, StringComparison.Ordinal);

        // What the parse step's completion records, in the transaction that completes the job.
        await using (var db = Db.CreateDbContext())
        {
            var stored = await db.Assessments.SingleAsync(a => a.Id == assessment.Id);
            stored.AwaitReview("Review the gaps: 9 of 35 fields verified.", DateTime.UtcNow);
            var document = await db.Documents.SingleAsync(d => d.AssessmentId == assessment.Id);
            document.MarkParsed(2, 480, null, null, ocr: true, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await PublishAsync(upload.Job, JobStatus.Completed, progress: 100);

        cut.WaitForAssertion(() => Assert.Equal("Action required", cut.Find("[data-testid='assessment-status']").TextContent.Trim()));
        Assert.Equal("Review the gaps: 9 of 35 fields verified.", cut.Find("[data-testid='assessment-status-message']").TextContent.Trim());
        Assert.Equal("COMPLETED", cut.Find($"[data-testid='job-status-{upload.Job.Id}']").TextContent.Trim());
        Assert.Equal("Read", cut.Find($"[data-testid='document-status-{upload.Document!.Id}']").TextContent.Trim());
        Assert.NotNull(cut.Find($"[data-testid='document-ocr-{upload.Document.Id}']"));
    }

    [Fact]
    public async Task ChangesOfOtherAssessmentsOrUsers_LeaveThePageAlone()
    {
        var assessment = await CreateAssessmentAsync();
        var other = await CreateAssessmentAsync("Another partner");
        var cut = Render<AssessmentPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='pipeline-empty']");

        var job = (await Jobs.SubmitAsync(new JobSubmission(JobType.GapDetection,
            new System.Text.Json.Nodes.JsonObject { ["assessmentId"] = other.Id }, UserId), default)).Job;
        await PublishAsync(job, JobStatus.Processing);

        Assert.Empty(cut.FindAll($"[data-testid='job-status-{job.Id}']"));
        Assert.NotNull(cut.Find("[data-testid='pipeline-empty']"));
    }

    [Fact]
    public async Task AnotherUsersAssessment_IsNotFound_AndShowsNothingOfIt()
    {
        var theirs = await CreateAssessmentAsync("Their confidential partner", OtherUserId);

        var cut = Render<AssessmentPage>(p => p.Add(c => c.Id, theirs.Id));

        cut.WaitForElement("[data-testid='assessment-not-found']");
        Assert.DoesNotContain("confidential", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisCompletes_ViewScorecardAppears_WithoutAReload()
    {
        var assessment = await CreateAssessmentAsync();
        var analysis = await SubmitAsync(type: JobType.RiskAnalysis, input: new System.Text.Json.Nodes.JsonObject { ["assessmentId"] = assessment.Id.ToString() });
        var cut = Render<AssessmentPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='assessment-status']");
        Assert.Empty(cut.FindAll("[data-testid='scorecard-link']"));

        // What the analysis step's completion records, in the transaction that completes the job.
        await using (var db = Db.CreateDbContext())
        {
            var stored = await db.Assessments.SingleAsync(a => a.Id == assessment.Id);
            stored.Complete(41.3, RiskIntel.Core.Risk.RiskLevel.Moderate, "Scored: 41.3 of 100 (MODERATE).", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await PublishAsync(analysis, JobStatus.Completed, progress: 100);

        cut.WaitForAssertion(() => Assert.Equal($"/assessments/{assessment.Id}/scorecard", cut.Find("[data-testid='scorecard-link']").GetAttribute("href")));
        Assert.Equal("41.3", cut.Find("[data-testid='banner-score']").TextContent);
        Assert.Equal("MODERATE", cut.Find("[data-testid='banner-level']").TextContent);
    }
}
