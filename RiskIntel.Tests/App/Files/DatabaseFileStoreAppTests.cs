using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Files;

/// <summary>The whole app with <c>Files:Store=Database</c>: the sample plan uploaded, parsed, reported on and downloaded, no file on disk.</summary>
public sealed class DatabaseFileStoreAppTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("riskintel-unused-files-");
    private readonly RiskIntelAppFactory _app;

    public DatabaseFileStoreAppTests() =>
        _app = new RiskIntelAppFactory().With("Files:Store", "Database").With("Files:Root", _root.FullName);

    [Fact]
    public async Task SamplePlan_OnTheDatabaseStore_ParsesFindsGapsReportsAndDownloadsTheSameBytes()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var client = pipeline.Client;
        var plan = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", "kenya-dairy-cooperative-business-plan.pdf"));
        var assessment = (await client.CreateAssessmentAsync()).Id();

        var upload = await (await client.UploadAsync(assessment, plan, "plan.pdf")).AssertAcceptedDataAsync();
        var parse = await _app.WaitForAsync(upload.GetProperty("jobId").GetGuid(), JobStatus.Completed, JobStatus.Failed);
        var gaps = await _app.WaitForChainedAsync(JobType.GapDetection, parse.Id);
        var document = await client.GetAsync($"/api/assessments/{assessment}/documents/{upload.GetProperty("documentId").GetGuid()}/content");
        await pipeline.CorrectAsync(assessment);
        await pipeline.AnalyzeAsync(assessment);
        var report = await pipeline.ReportAsync(assessment);
        var pdf = await client.GetAsync(report.GetProperty("reportUrl").GetString());

        Assert.True(parse.Status == JobStatus.Completed, parse.Error);
        Assert.Equal(JobStatus.Completed, gaps.Status);
        Assert.True(parse.Result!.Value.GetProperty("metadata").GetProperty("pages").GetInt32() > 1);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(plan, await document.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(report.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await pdf.Content.ReadAsByteArrayAsync())));
        Assert.Empty(_root.EnumerateFiles("*", SearchOption.AllDirectories));
        await using (var db = _app.Database.CreateFactory().CreateDbContext())
        {
            Assert.Equal(2, await db.FileBlobs.CountAsync(b => b.Key != null));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/assessments/{assessment}")).StatusCode);
        await using (var db = _app.Database.CreateFactory().CreateDbContext())
        {
            Assert.Equal(0, await db.FileBlobs.CountAsync() + await db.FileChunks.CountAsync());
        }
    }

    public void Dispose()
    {
        _app.Dispose();
        _root.Delete(recursive: true);
    }
}
