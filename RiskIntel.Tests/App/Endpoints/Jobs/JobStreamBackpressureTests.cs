using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Tests.Core.Jobs.Notifications;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Jobs;

/// <summary>An SSE client that stops reading: its queue is bounded, intermediate events are dropped, the terminal one arrives.</summary>
public sealed class JobStreamBackpressureTests : IDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ScriptedJobHandler _handler;
    private readonly RiskIntelAppFactory _app;

    public JobStreamBackpressureTests()
    {
        _handler = new ScriptedJobHandler(JobType.AiPreview).WaitFor(_release.Task);
        _app = new RiskIntelAppFactory().WithServices(s => s.AddSingleton<IJobHandler>(_handler));
    }

    [Fact]
    public async Task Stream_ClientThatDoesNotRead_LosesIntermediateEventsButGetsTheTerminalOne()
    {
        using var admin = await _app.AdminAsync();
        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, $"backpressure {Guid.NewGuid():N}");
        await _app.WaitForAsync(id, JobStatus.Processing);
        var row = (await _app.Services.GetRequiredService<JobService>().GetAsync(id, null, default))!;
        var feed = _app.Services.GetRequiredService<JobStatusFeed>();

        using var response = await admin.GetAsync($"/api/jobs/{id}/stream", HttpCompletionOption.ResponseHeadersRead);
        for (var i = 1; i <= 5_000; i++)
        {
            await feed.PublishAsync(JobStatusFeedTests.Change(row, JobStatus.Processing, i), default);
        }

        _release.SetResult();
        var body = await response.Content.ReadAsStringAsync();

        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(events.Length, 2, 1_000);
        Assert.Contains("\"status\":\"COMPLETED\"", events[^1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _app.Dispose();
    }
}
