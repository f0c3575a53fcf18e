using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.App.Endpoints.Gaps;

public sealed class GapsEndpointsTests : IClassFixture<RiskIntelAppFactory>
{
    private readonly RiskIntelAppFactory _app;

    public GapsEndpointsTests(RiskIntelAppFactory app) => _app = app;

    [Fact]
    public async Task Upload_ParsesThenDetectsGaps_AssessmentAwaitsReviewWith35VerifiedQuotes()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = await UploadSampleAsync(client);

        var gaps = await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/gaps");
        var state = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}");
        var pages = await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/documents");

        Assert.Equal("ACTION_REQUIRED", state.GetProperty("status").GetString());
        Assert.StartsWith("Review the gaps", state.GetProperty("statusMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(35, gaps!.Length);
        Assert.Equal("FINANCIAL.revenue", gaps[0].GetProperty("field").GetString());
        var revenue = gaps[0];
        Assert.Equal("VERIFIED", revenue.GetProperty("status").GetString());
        Assert.True(revenue.GetProperty("isMandatory").GetBoolean());
        var documentId = pages![0].GetProperty("id").GetGuid();
        foreach (var evidence in gaps.SelectMany(g => g.GetProperty("evidence").EnumerateArray()))
        {
            Assert.Equal(documentId, evidence.GetProperty("documentId").GetGuid());
            var page = evidence.GetProperty("page").GetInt32();
            var text = (await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/documents/{documentId}/pages?from={page}&to={page}"))![0]
                .GetProperty("text").GetString()!;
            Assert.Contains(Squash(evidence.GetProperty("quote").GetString()!), Squash(text), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Review_CorrectionsAreSaved_UnknownIdsRefused_AndSubmitChecksMandatoryFieldsOnTheServer()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = await UploadSampleAsync(client, "Half a plan.\n\nThe cooperative sells milk to Brookside Dairy every day, about 4,000 litres.");
        var gaps = (await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/gaps"))!;
        var open = gaps.Where(g => g.GetProperty("isMandatory").GetBoolean() && g.GetProperty("status").GetString() != "VERIFIED").ToList();
        Assert.NotEmpty(open);

        var unknown = await client.PutAsJsonAsync($"/api/assessments/{assessment}/gaps",
            new { items = new[] { new { id = Guid.NewGuid(), correction = "x" } } });
        var firstSubmit = await client.PostAsync($"/api/assessments/{assessment}/gaps/submit", null);

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, firstSubmit.StatusCode);
        var missing = (await firstSubmit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(open.Select(g => g.GetProperty("field").GetString()).Order(), missing.Order());

        var save = await client.PutAsJsonAsync($"/api/assessments/{assessment}/gaps", new
        {
            items = open.Select(g => new { id = g.GetProperty("id").GetGuid(), correction = $"Checked with the manager: {g.GetProperty("label").GetString()} is documented in the 2024 accounts.", status = (string?)null }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var saved = (await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/gaps"))!;
        Assert.All(saved.Where(g => missing.Contains(g.GetProperty("field").GetString())),
            g => Assert.StartsWith("Checked with the manager", g.GetProperty("correction").GetString(), StringComparison.Ordinal));

        var submit = await client.PostAsync($"/api/assessments/{assessment}/gaps/submit", null);
        var analysisJob = await submit.AssertAcceptedJobAsync();
        Assert.Equal(JobType.RiskAnalysis, (await _app.Services.GetJobAsync(analysisJob)).Type);
    }

    [Fact]
    public async Task Gaps_OfAnotherUsersAssessment_Answer404()
    {
        var (owner, _) = await _app.NewUserAsync();
        var (other, _) = await _app.NewUserAsync();
        var assessment = (await owner.CreateAssessmentAsync()).Id();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assessments/{assessment}/gaps")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/assessments/{assessment}/gaps", new { items = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/assessments/{assessment}/gaps/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/assessments/{assessment}/gap-detection", null)).StatusCode);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/gaps"))!);
    }

    [Fact]
    public async Task GapDetection_WithoutAParsedDocument_Answers409()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();

        var response = await client.PostAsync($"/api/assessments/{assessment}/gap-detection", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<Guid> UploadSampleAsync(HttpClient client, string? text = null)
    {
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var content = text is null ? SamplePdfWriter.Write(SampleBusinessPlan.Document()) : System.Text.Encoding.UTF8.GetBytes(text);
        var upload = await client.UploadAsync(assessment, content, text is null ? "plan.pdf" : "plan.txt");
        var parse = (await upload.AssertAcceptedDataAsync()).GetProperty("jobId").GetGuid();
        Assert.Equal(JobStatus.Completed, (await _app.WaitForAsync(parse, JobStatus.Completed, JobStatus.Failed)).Status);
        var detection = await _app.WaitForChainedAsync(JobType.GapDetection, parse);
        Assert.Equal(JobStatus.Completed, detection.Status);
        return assessment;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
