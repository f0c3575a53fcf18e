using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Jobs;

/// <summary>
/// A poller holding the entity tag of a running job gets the finished job under a new tag. The job waits on a
/// gate, so the first answer is taken while it runs, whatever the machine's speed.
/// </summary>
public sealed class JobPollingChangeTests : IDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RiskIntelAppFactory _app;

    public JobPollingChangeTests()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).WaitFor(_release.Task);
        _app = new RiskIntelAppFactory().WithServices(s => s.AddSingleton<IJobHandler>(handler));
    }

    [Fact]
    public async Task Get_AfterTheJobChanged_AnswersTheNewStateUnderANewETag()
    {
        using var admin = await _app.AdminAsync();
        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, $"poll across a change {Guid.NewGuid():N}");
        await _app.WaitForAsync(id, JobStatus.Processing);
        var early = await admin.GetAsync($"/api/jobs/{id}");
        Assert.Equal("PROCESSING", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        _release.SetResult();
        await _app.WaitForAsync(id, JobStatus.Completed);

        // The stored row can be read a moment before the commit's notification drops the cached answer (at most
        // its time to live): poll as a client would, until the answer changes.
        var deadline = DateTime.UtcNow + JobSnapshots.TimeToLive + TimeSpan.FromSeconds(5);
        var late = await GetIfChangedAsync(admin, id, early.Headers.ETag!);
        while (late.StatusCode == HttpStatusCode.NotModified && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            late = await GetIfChangedAsync(admin, id, early.Headers.ETag!);
        }

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.NotEqual(early.Headers.ETag, late.Headers.ETag);
        Assert.Equal("COMPLETED", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _app.Dispose();
    }

    private static async Task<HttpResponseMessage> GetIfChangedAsync(HttpClient client, Guid id, EntityTagHeaderValue seen)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}");
        request.Headers.IfNoneMatch.Add(seen);
        return await client.SendAsync(request);
    }
}
