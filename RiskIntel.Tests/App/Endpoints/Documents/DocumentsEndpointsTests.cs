using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.App.Endpoints.Documents;

public sealed class DocumentsEndpointsTests : IClassFixture<RiskIntelAppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
    private readonly RiskIntelAppFactory _app;

    public DocumentsEndpointsTests(RiskIntelAppFactory app) => _app = app;

    [Fact]
    public async Task Upload_Pdf_Answers202WithTheParseJob_ThenTheDocumentIsParsedPageByPage()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var pdf = SamplePdfWriter.Write(SampleBusinessPlan.Document());

        var response = await client.UploadAsync(assessment, pdf, "../../etc/Business plan\u0007 2026.pdf", "application/pdf");

        var data = await response.AssertAcceptedDataAsync();
        var jobId = data.GetProperty("jobId").GetGuid();
        var documentId = data.GetProperty("documentId").GetGuid();
        var job = await _app.WaitForAsync(jobId, JobStatus.Completed, JobStatus.Failed);
        Assert.Equal(JobStatus.Completed, job.Status);
        var result = job.Result!.Value;
        Assert.Equal(documentId, result.GetProperty("documentId").GetGuid());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), result.GetProperty("metadata").GetProperty("sha256").GetString());
        Assert.Equal(2, result.GetProperty("metadata").GetProperty("pages").GetInt32());
        Assert.Contains("412 smallholder farmers", result.GetProperty("text").GetString(), StringComparison.Ordinal);

        var document = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/documents/{documentId}");
        Assert.Equal("Business plan 2026.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal("PARSED", document.GetProperty("status").GetString());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        var pages = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/documents/{documentId}/pages?from=2&to=2");
        Assert.Equal(2, pages[0].GetProperty("page").GetInt32());
        Assert.Contains("Aflatoxin testing", pages[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(pages.EnumerateArray());
    }

    [Fact]
    public async Task Upload_TheSameFileTwice_Answers409NamingTheExistingDocument()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var text = Encoding.UTF8.GetBytes(SampleMarkdown.ToText(SampleBusinessPlan.Document()));
        var first = await client.UploadAsync(assessment, text, "plan.txt");
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("documentId").GetGuid();

        var second = await client.UploadAsync(assessment, text, "copy of plan.md");

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(firstId, problem.GetProperty("documentId").GetGuid());
        Assert.Contains("plan.txt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/documents");
        Assert.Single(list.EnumerateArray());
    }

    [Fact]
    public async Task Upload_PngNamedPdf_Answers415ByContentAndKeepsNothing()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();

        var response = await client.UploadAsync(assessment, Png, "plan.pdf", "application/pdf");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("PNG", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/documents")).EnumerateArray());
        Assert.Equal("DRAFT", (await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Upload_Over25Megabytes_Answers413()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var big = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("The cooperative sells milk. ", (26 * 1024 * 1024 / 28) + 1)));

        var response = await client.UploadAsync(assessment, big, "big.txt");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAFileField_Answers400_AndNotMultipart415()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        var noFile = await client.PostAsync($"/api/assessments/{assessment}/documents", form);
        var json = await client.PostAsJsonAsync($"/api/assessments/{assessment}/documents", new { file = "x" });

        await noFile.AssertProblemAsync(HttpStatusCode.BadRequest);
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Documents_OfAnotherUsersAssessment_Answer404Everywhere()
    {
        var (owner, _) = await _app.NewUserAsync();
        var (other, _) = await _app.NewUserAsync();
        var assessment = (await owner.CreateAssessmentAsync()).Id();
        var upload = await owner.UploadAsync(assessment, Encoding.UTF8.GetBytes("The cooperative has 120 members and sells milk daily."), "plan.txt");
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("documentId").GetGuid();
        var doc = $"/api/assessments/{assessment}/documents/{documentId}";

        Assert.Equal(HttpStatusCode.NotFound, (await other.UploadAsync(assessment, Encoding.UTF8.GetBytes("Another plan text here."), "x.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assessments/{assessment}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(doc)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(doc + "/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(doc + "/pages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(doc)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(doc)).StatusCode);
    }

    [Fact]
    public async Task Download_AnswersTheOriginalBytesAsAnAttachment_AndDeleteRemovesIt()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var content = Encoding.UTF8.GetBytes("# Plan\n\nThe cooperative <script>alert(1)</script> sells milk to Brookside.");
        var upload = await client.UploadAsync(assessment, content, "plan.md");
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("documentId").GetGuid();
        var doc = $"/api/assessments/{assessment}/documents/{documentId}";

        var download = await client.GetAsync(doc + "/content");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(doc)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(doc + "/content")).StatusCode);
    }

    [Theory]
    [InlineData("from=0")]
    [InlineData("from=abc")]
    [InlineData("from=5&to=4")]
    [InlineData("from=1&to=1000")]
    public async Task Pages_BadRange_Answers400(string query)
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var upload = await client.UploadAsync(assessment, Encoding.UTF8.GetBytes("A short plan of a cooperative."), "plan.txt");
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("documentId").GetGuid();

        var response = await client.GetAsync($"/api/assessments/{assessment}/documents/{documentId}/pages?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
