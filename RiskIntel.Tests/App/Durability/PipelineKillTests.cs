using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;
using Xunit.Abstractions;

namespace RiskIntel.Tests.App.Durability;

/// <summary>
/// The pipeline's steps chain through the transaction that completes the previous one; killing the process with
/// SIGKILL in the middle of a step must leave every step to run again and end exactly once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PipelineKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Assessments = 3;
    private readonly SqliteTestDatabase _database = new();
    private readonly string _files = Directory.CreateTempSubdirectory("riskintel-kill-files-").FullName;

    [Fact]
    public async Task Kill9_DuringParsing_EachParseAndItsChainedGapDetectionCompleteExactlyOnce()
    {
        var assessments = new List<Guid>();
        using (var first = StartApp())
        {
            using var client = await first.LoginAsync();
            for (var i = 0; i < Assessments; i++)
            {
                var assessment = (await client.CreateAssessmentAsync($"Kill test {i}")).Id();
                (await client.UploadAsync(assessment, LongPlan(i), $"plan-{i}.pdf")).EnsureSuccessStatusCode();
                assessments.Add(assessment);
            }

            await WaitForProcessingAsync(JobType.ParseDocument);
            first.Kill();
        }

        var atKill = await CountAsync(JobType.ParseDocument);
        output.WriteLine($"At SIGKILL, parse jobs: {string.Join(", ", atKill.Select(c => $"{c.Key}={c.Value}"))}");
        Assert.True(atKill.GetValueOrDefault(JobStatus.Processing) > 0, "No parse was running at the kill.");

        using (var second = StartApp())
        {
            using var client = await second.LoginAsync();
            await using var watcher = await HubJobWatcher.StartAsync(second.Address, client.DefaultRequestHeaders.Authorization!.Parameter!, _database);
            await watcher.WaitUntilAsync(
                jobs => jobs.Values.Count(j => j is { Type: JobType.GapDetection, Status: JobStatus.Completed }) == Assessments,
                TimeSpan.FromMinutes(4));
            foreach (var assessment in assessments)
            {
                var gaps = await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/gaps");
                Assert.Equal(35, gaps!.Length);
                Assert.Equal("ACTION_REQUIRED", (await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}")).GetProperty("status").GetString());
            }
        }

        await AssertEachEndedOnceAsync(JobType.ParseDocument, Assessments);
        await AssertEachEndedOnceAsync(JobType.GapDetection, Assessments);
        await using var db = _database.CreateFactory().CreateDbContext();
        var pageCounts = await db.Documents.AsNoTracking().Select(d => new { d.Pages, Stored = db.DocumentPages.Count(p => p.DocumentId == d.Id) }).ToListAsync();
        Assert.All(pageCounts, d => Assert.Equal(d.Pages, d.Stored));
    }

    [Fact]
    public async Task Kill9_DuringReportGeneration_EachAssessmentGetsExactlyOneReportVersion()
    {
        var assessments = new List<Guid>();
        using (var first = StartApp())
        {
            using var client = await first.LoginAsync();
            await using var watcher = await HubJobWatcher.StartAsync(first.Address, client.DefaultRequestHeaders.Authorization!.Parameter!, _database);
            for (var i = 0; i < Assessments; i++)
            {
                var assessment = (await client.CreateAssessmentAsync($"Report kill test {i}")).Id();
                (await client.UploadAsync(assessment, SamplePdfWriter.Write(SampleMarkdown.Parse(SampleBusinessPlan.Markdown + $"\n\nVariant {i}.", "Plan")), $"plan-{i}.pdf")).EnsureSuccessStatusCode();
                assessments.Add(assessment);
            }

            await watcher.WaitUntilAsync(jobs => jobs.Values.Count(j => j is { Type: JobType.GapDetection, Status: JobStatus.Completed }) == Assessments, TimeSpan.FromMinutes(3));
            foreach (var assessment in assessments)
            {
                await client.CorrectGapsAsync(assessment);
                (await client.PostAsync($"/api/assessments/{assessment}/gaps/submit", null)).EnsureSuccessStatusCode();
            }

            await watcher.WaitUntilAsync(jobs => jobs.Values.Count(j => j is { Type: JobType.RiskAnalysis, Status: JobStatus.Completed }) == Assessments, TimeSpan.FromMinutes(3));
            foreach (var assessment in assessments)
            {
                (await client.PostAsync($"/api/assessments/{assessment}/report", null)).EnsureSuccessStatusCode();
            }

            await WaitForProcessingAsync(JobType.ReportGeneration);
            first.Kill();
        }

        var atKill = await CountAsync(JobType.ReportGeneration);
        output.WriteLine($"At SIGKILL, report jobs: {string.Join(", ", atKill.Select(c => $"{c.Key}={c.Value}"))}");
        Assert.True(atKill.GetValueOrDefault(JobStatus.Processing) > 0, "No report was being generated at the kill.");

        using (var second = StartApp())
        {
            using var client = await second.LoginAsync();
            await using var watcher = await HubJobWatcher.StartAsync(second.Address, client.DefaultRequestHeaders.Authorization!.Parameter!, _database);
            await watcher.WaitUntilAsync(
                jobs => jobs.Values.Count(j => j is { Type: JobType.ReportGeneration, Status: JobStatus.Completed }) == Assessments,
                TimeSpan.FromMinutes(3));
            foreach (var assessment in assessments)
            {
                var reports = (await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/reports"))!;
                Assert.Equal([1], reports.Select(r => r.GetProperty("version").GetInt32()));
                var pdf = await client.GetByteArrayAsync(reports[0].GetProperty("reportUrl").GetString());
                Assert.Equal(reports[0].GetProperty("bytes").GetInt64(), pdf.LongLength);
            }
        }

        await AssertEachEndedOnceAsync(JobType.ReportGeneration, Assessments);
        Assert.Equal(Assessments, Directory.EnumerateFiles(Path.Combine(_files, "reports")).Count());
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_files, recursive: true);
    }

    /// <summary>A plan of about 60 pages, different per index so each upload is its own file.</summary>
    private static byte[] LongPlan(int index)
    {
        var body = string.Join("\n\n\\pagebreak\n\n", Enumerable.Range(0, 20).Select(part => SampleBusinessPlan.Markdown.Replace("2026", $"20{26 + part}", StringComparison.Ordinal)));
        return SamplePdfWriter.Write(SampleMarkdown.Parse(body + $"\n\nCopy {index}.", $"Long plan {index}"));
    }

    // The only thing to watch here is the database the killed process shares; nothing pushes to this test before a job starts.
    private async Task WaitForProcessingAsync(JobType type)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if ((await CountAsync(type)).GetValueOrDefault(JobStatus.Processing) > 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }

        Assert.Fail($"No {type} job started.");
    }

    private async Task<Dictionary<JobStatus, int>> CountAsync(JobType type)
    {
        await using var db = _database.CreateFactory().CreateDbContext();
        return await db.Jobs.AsNoTracking().Where(j => j.Type == type).GroupBy(j => j.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    private async Task AssertEachEndedOnceAsync(JobType type, int expected)
    {
        await using var db = _database.CreateFactory().CreateDbContext();
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.Type == type).Select(j => new
        {
            j.Status,
            Endings = db.JobEvents.Count(e => e.JobId == j.Id && (e.To == JobStatus.Completed || e.To == JobStatus.Failed || e.To == JobStatus.Cancelled)),
        }).ToListAsync();
        Assert.Equal(expected, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(JobStatus.Completed, j.Status));
        Assert.All(jobs, j => Assert.Equal(1, j.Endings));
    }

    private AppProcess StartApp() => AppProcess.Start(new Dictionary<string, string>
    {
        ["ConnectionStrings__RiskIntel"] = _database.ConnectionString,
        ["Files__Root"] = _files,
        ["Jobs__NodeName"] = "pipeline-kill-test",
        ["Jobs__SweepInterval"] = "00:00:01",
        ["Jobs__MaxConcurrency"] = "1",
        ["Logging__LogLevel__Default"] = "Warning",
    });
}
