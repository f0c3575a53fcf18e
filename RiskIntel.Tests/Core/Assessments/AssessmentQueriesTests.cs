using System.Text.Json.Nodes;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Assessments;

public sealed class AssessmentQueriesTests : IDisposable
{
    private readonly JobEngineHarness _engine = new(new ScriptedJobHandler(JobType.GapDetection));

    [Fact]
    public async Task ListJobs_GivesTheJobsNamingTheAssessment_OldestFirst_AndNoneOfOthers()
    {
        var mine = await CreateAsync("analyst-1");
        var other = await CreateAsync("analyst-1");
        var parse = await SubmitAsync(JobType.ParseDocument, mine, "analyst-1", new JsonObject { ["documentId"] = Guid.NewGuid(), ["fileName"] = "plan.pdf" });
        _engine.Clock.Advance(TimeSpan.FromSeconds(5));
        var gaps = await SubmitAsync(JobType.GapDetection, mine, "analyst-1");
        await SubmitAsync(JobType.GapDetection, other, "analyst-1", new JsonObject { ["trigger"] = mine });
        await _engine.Jobs.SubmitAsync(new JobSubmission(JobType.AiPreview, new JsonObject { ["userPrompt"] = $"about {mine}" }, "analyst-1"), default);
        await SubmitAsync(JobType.GapDetection, mine, "analyst-2");

        var jobs = await new AssessmentQueries(_engine.Db).ListJobsAsync(mine, "analyst-1", 50, default);

        Assert.Equal([parse.Id, gaps.Id], jobs!.Select(j => j.Id));
    }

    [Fact]
    public async Task ListJobs_OfSomeoneElsesAssessment_IsNull()
    {
        var theirs = await CreateAsync("analyst-2");
        await SubmitAsync(JobType.GapDetection, theirs, "analyst-2");

        Assert.Null(await new AssessmentQueries(_engine.Db).ListJobsAsync(theirs, "analyst-1", 50, default));
    }

    [Fact]
    public async Task ListJobs_PastTheLimit_KeepsTheNewest()
    {
        var mine = await CreateAsync("analyst-1");
        var submitted = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            _engine.Clock.Advance(TimeSpan.FromSeconds(1));
            submitted.Add((await SubmitAsync(JobType.GapDetection, mine, "analyst-1", new JsonObject { ["run"] = i })).Id);
        }

        var jobs = await new AssessmentQueries(_engine.Db).ListJobsAsync(mine, "analyst-1", 2, default);

        Assert.Equal(submitted[2..], jobs!.Select(j => j.Id));
    }

    public void Dispose() => _engine.Dispose();

    private async Task<Guid> CreateAsync(string userId)
    {
        await using var db = _engine.Db.CreateDbContext();
        var assessment = Assessment.Create(new AssessmentDetails("Ndaragwa dairy 2026", "Ndaragwa Highlands Dairy Co-operative", "Cooperative", "Kenya"),
            userId, _engine.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    private async Task<JobDto> SubmitAsync(JobType type, Guid assessmentId, string userId, JsonObject? extra = null)
    {
        var input = new JsonObject { ["assessmentId"] = assessmentId };
        foreach (var (key, value) in extra ?? [])
        {
            input[key] = value?.DeepClone();
        }

        return (await _engine.Jobs.SubmitAsync(new JobSubmission(type, input, userId), default)).Job;
    }
}
