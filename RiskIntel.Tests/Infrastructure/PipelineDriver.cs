using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>Drives an assessment through the pipeline over REST, as an external system would.</summary>
public sealed class PipelineDriver(RiskIntelAppFactory app, HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>Creates an assessment, uploads the sample plan as PDF and waits until its gaps are detected.</summary>
    public async Task<Guid> UploadSampleAsync()
    {
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var upload = await client.UploadAsync(assessment, SamplePdfWriter.Write(SampleBusinessPlan.Document()), "plan.pdf");
        var parse = (await upload.AssertAcceptedDataAsync()).GetProperty("jobId").GetGuid();
        Assert.Equal(JobStatus.Completed, (await app.WaitForAsync(parse, JobStatus.Completed, JobStatus.Failed)).Status);
        Assert.Equal(JobStatus.Completed, (await app.WaitForChainedAsync(JobType.GapDetection, parse)).Status);
        return assessment;
    }

    /// <summary>Corrects every open mandatory field (and <paramref name="extra"/> corrections by field key).</summary>
    public Task CorrectAsync(Guid assessment, IReadOnlyDictionary<string, string>? extra = null) => client.CorrectGapsAsync(assessment, extra);

    /// <summary>Runs RISK_ANALYSIS (through gap submit) to completion and returns the analysis.</summary>
    public async Task<JsonElement> AnalyzeAsync(Guid assessment)
    {
        var submit = await client.PostAsync($"/api/assessments/{assessment}/gaps/submit", null);
        var job = await submit.AssertAcceptedJobAsync();
        var done = await app.WaitForAsync(job, JobStatus.Completed, JobStatus.Failed);
        Assert.True(done.Status == JobStatus.Completed, done.Error);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/analysis"))!;
    }

    public async Task<JsonElement> ReportAsync(Guid assessment)
    {
        var request = await client.PostAsync($"/api/assessments/{assessment}/report", null);
        var job = await request.AssertAcceptedJobAsync();
        var done = await app.WaitForAsync(job, JobStatus.Completed, JobStatus.Failed);
        Assert.True(done.Status == JobStatus.Completed, done.Error);
        return done.Result!.Value;
    }
}
