using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

using RiskIntel.Tests.App.Endpoints.Jobs;

namespace RiskIntel.Tests.App.Endpoints.Jobs;

/// <summary>One AI job at a time and a handler that runs until cancelled: a second job stays pending.</summary>
public sealed class JobCancellationTests : IDisposable
{
    private readonly ScriptedJobHandler _handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
    private readonly RiskIntelAppFactory _app;

    public JobCancellationTests()
    {
        _app = new RiskIntelAppFactory().With("Ai:MaxConcurrentJobs", "1");
        _app.WithServices(s => s.AddSingleton<IJobHandler>(_handler));
    }

    [Fact]
    public async Task Cancel_PendingThenRunningJob_BothEndCancelled()
    {
        using var admin = await _app.AdminAsync();
        var running = await JobsEndpointsTests.SubmitPreviewAsync(admin, "runs until cancelled");
        await _handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var pending = await JobsEndpointsTests.SubmitPreviewAsync(admin, "waits for a slot");
        Assert.Equal("PENDING", (await admin.GetJobJsonAsync(pending)).GetProperty("status").GetString());

        var cancelPending = await admin.PostAsync($"/api/jobs/{pending}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelPending.StatusCode);
        Assert.Equal("CANCELLED", (await cancelPending.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());

        var cancelRunning = await admin.PostAsync($"/api/jobs/{running}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelRunning.StatusCode);
        var ended = await _app.WaitForAsync(running, JobStatus.Cancelled, JobStatus.Completed, JobStatus.Failed);

        Assert.Equal(JobStatus.Cancelled, ended.Status);
        Assert.Equal(1, ended.Attempts);
        Assert.False(_handler.Executions.ContainsKey(pending));
        var events = await admin.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/jobs/{running}/events");
        Assert.Equal("CANCELLED", events![^1].GetProperty("to").GetString());
    }

    public void Dispose() => _app.Dispose();
}
