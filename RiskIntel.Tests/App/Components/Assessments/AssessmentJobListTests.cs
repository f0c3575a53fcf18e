using System.Text.Json;
using RiskIntel.App.Components.Assessments;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.Tests.App.Components.Assessments;

public sealed class AssessmentJobListTests
{
    private static readonly Guid Assessment = Guid.CreateVersion7();
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Apply_JobOfAnotherAssessmentOrWithoutOne_IsIgnored()
    {
        var list = Loaded();

        Assert.False(list.Apply(Change(Job(JobType.ParseDocument, Guid.CreateVersion7()))));
        Assert.False(list.Apply(Change(Job(JobType.AiPreview, null))));
        Assert.Empty(list.Items);
    }

    [Fact]
    public void Apply_NewJobsAndNewerStates_KeepTheTimelineInCreationOrder_AndNeverGoBack()
    {
        var list = Loaded();
        var parse = Job(JobType.ParseDocument, Assessment, at: 0);
        var gaps = Job(JobType.GapDetection, Assessment, at: 5);

        Assert.True(list.Apply(Change(gaps)));
        Assert.True(list.Apply(Change(parse)));
        Assert.True(list.Apply(Change(parse with { Status = JobStatus.Completed, UpdatedAt = Start.AddSeconds(4) }, JobStatus.Processing)));
        Assert.False(list.Apply(Change(parse with { Status = JobStatus.Processing, UpdatedAt = Start.AddSeconds(2) })));

        Assert.Equal([JobType.ParseDocument, JobType.GapDetection], list.Items.Select(j => j.Type));
        Assert.Equal(JobStatus.Completed, list.Items[0].Status);
        Assert.Equal(gaps.Id, list.Latest(JobType.GapDetection)?.Id);
    }

    [Fact]
    public void Apply_WhileTheListIsRead_IsReplayedOnTopOfTheRead()
    {
        var list = new AssessmentJobList(Assessment);
        var parse = Job(JobType.ParseDocument, Assessment, at: 0);
        list.BeginLoad();

        Assert.False(list.Apply(Change(parse with { Status = JobStatus.Completed, UpdatedAt = Start.AddSeconds(3) }, JobStatus.Processing)));
        var chained = Job(JobType.GapDetection, Assessment, at: 3);
        list.Apply(Change(chained));
        list.Reset([parse]);

        Assert.Equal([JobStatus.Completed, JobStatus.Pending], list.Items.Select(j => j.Status));
    }

    private static AssessmentJobList Loaded()
    {
        var list = new AssessmentJobList(Assessment);
        list.BeginLoad();
        list.Reset([]);
        return list;
    }

    private static JobStatusChanged Change(JobDto job, JobStatus? previous = null) => new(job, previous);

    private static JobDto Job(JobType type, Guid? assessmentId, int at = 0)
    {
        var input = JsonSerializer.SerializeToElement(new { assessmentId, fileName = "plan.pdf" });
        var created = Start.AddSeconds(at);
        return new JobDto(Guid.CreateVersion7(), type, JobStatus.Pending, input, null, null, 0, 3, 0, null, "user", created, null, null, created, null);
    }
}
