using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.App.Endpoints.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Hubs;

/// <summary>
/// A hub client whose line drops and that SignalR's automatic reconnect brings back with a new connection id. One AI
/// job at a time and a handler that runs until cancelled keep the jobs alive across the reconnect.
/// </summary>
public sealed class JobStatusHubReconnectTests : IDisposable
{
    private readonly ScriptedJobHandler _handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled().BlockUntilCancelled();
    private readonly RiskIntelAppFactory _app;

    public JobStatusHubReconnectTests()
    {
        _app = new RiskIntelAppFactory().With("Ai:MaxConcurrentJobs", "1");
        _app.WithServices(s => s.AddSingleton<IJobHandler>(_handler));
    }

    [Fact]
    public async Task Reconnect_WithClientKey_RestoresTheNarrowedSubscriptionAndSendsTheCurrentRow()
    {
        var email = await _app.CreateUserAsync("Admin");
        using var client = await _app.LoginAsync(email, RiskIntelAppFactory.UserPassword);
        var running = await JobsEndpointsTests.SubmitPreviewAsync(client, "runs until cancelled");
        await _handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var waiting = await JobsEndpointsTests.SubmitPreviewAsync(client, "waits for the slot");
        await using var hub = await DroppableHub.ConnectAsync(_app, email, clientKey: Guid.NewGuid().ToString("N"));
        var current = await hub.Connection.InvokeAsync<JobDto>("SubscribeJob", waiting);

        var afterReconnect = await hub.DropAndReconnectAsync();
        await client.PostAsync($"/api/jobs/{running}/cancel", null);
        await _app.WaitForAsync(running, JobStatus.Cancelled);
        await _app.WaitForAsync(waiting, JobStatus.Processing);
        await client.PostAsync($"/api/jobs/{waiting}/cancel", null);
        var cancelled = await hub.WaitForAsync(waiting, JobStatus.Cancelled);

        Assert.Equal(JobStatus.Pending, current.Status);
        // The row re-read on reconnect arrives first, before any change made after it.
        Assert.Equal((waiting, JobStatus.Pending), (afterReconnect.First().Id, afterReconnect.First().Status));
        Assert.Contains(afterReconnect, j => j.Id == waiting && j.Status == JobStatus.Processing);
        Assert.Equal(waiting, cancelled.Id);
        Assert.DoesNotContain(afterReconnect, j => j.Id == running);
    }

    [Fact]
    public async Task Reconnect_WithoutClientKey_ReceivesAllOwnJobsAsBefore()
    {
        var email = await _app.CreateUserAsync("Admin");
        using var client = await _app.LoginAsync(email, RiskIntelAppFactory.UserPassword);
        var running = await JobsEndpointsTests.SubmitPreviewAsync(client, "runs until cancelled");
        await _handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var waiting = await JobsEndpointsTests.SubmitPreviewAsync(client, "waits for the slot");
        await using var hub = await DroppableHub.ConnectAsync(_app, email, clientKey: null);
        await hub.Connection.InvokeAsync<JobDto>("SubscribeJob", waiting);

        var afterReconnect = await hub.DropAndReconnectAsync();
        await client.PostAsync($"/api/jobs/{running}/cancel", null);
        await hub.WaitForAsync(running, JobStatus.Cancelled);
        await client.PostAsync($"/api/jobs/{waiting}/cancel", null);
        await hub.WaitForAsync(waiting, JobStatus.Cancelled);

        Assert.DoesNotContain(afterReconnect, j => j.Id == waiting && j.Status == JobStatus.Pending);
    }

    [Fact]
    public async Task Reconnect_WithClientKeyInAllJobsMode_SendsTheRowsChangedWhileAway()
    {
        var email = await _app.CreateUserAsync("Admin");
        using var client = await _app.LoginAsync(email, RiskIntelAppFactory.UserPassword);
        var running = await JobsEndpointsTests.SubmitPreviewAsync(client, "runs until cancelled");
        await _handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var hub = await DroppableHub.ConnectAsync(_app, email, clientKey: Guid.NewGuid().ToString("N"));

        var reconnected = hub.Drop();
        await client.PostAsync($"/api/jobs/{running}/cancel", null);
        await _app.WaitForAsync(running, JobStatus.Cancelled);
        var afterReconnect = await hub.ReconnectAsync(reconnected);
        var missed = await hub.WaitForAsync(running, JobStatus.Cancelled);

        Assert.Equal(running, missed.Id);
        Assert.Contains(afterReconnect, j => j.Id == running && j.Status == JobStatus.Cancelled);
    }

    public void Dispose() => _app.Dispose();

    /// <summary>A WebSocket hub connection with automatic reconnect whose socket a test can abort, as a network drop does.</summary>
    private sealed class DroppableHub : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<(Guid, JobStatus), TaskCompletionSource<JobDto>> _waits = new();
        private readonly ConcurrentQueue<JobDto> _afterDrop = new();
        private WebSocket? _socket;
        private volatile bool _dropped;
        private volatile bool _offline;

        private DroppableHub(RiskIntelAppFactory app, string token, string? clientKey)
        {
            var query = $"access_token={Uri.EscapeDataString(token)}" + (clientKey is null ? "" : $"&client={clientKey}");
            Connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/jobs"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        if (_offline)
                        {
                            throw new WebSocketException("The test keeps the line down.");
                        }

                        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new UriBuilder(context.Uri) { Query = query }.Uri, ct);
                        _socket = socket;
                        return socket;
                    };
                })
                .WithAutomaticReconnect(new EveryTenthOfASecond())
                .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
                .Build();
            Connection.On<JobDto>("JobUpdated", job =>
            {
                if (_dropped)
                {
                    _afterDrop.Enqueue(job);
                }

                Wait(job.Id, job.Status).TrySetResult(job);
            });
        }

        public HubConnection Connection { get; }

        public static async Task<DroppableHub> ConnectAsync(RiskIntelAppFactory app, string email, string? clientKey)
        {
            var hub = new DroppableHub(app, await app.GetTokenAsync(email, RiskIntelAppFactory.UserPassword), clientKey);
            await hub.Connection.StartAsync();
            return hub;
        }

        /// <summary>Aborts the socket, waits for the automatic reconnect; the returned queue fills with what arrives from then on.</summary>
        public async Task<ConcurrentQueue<JobDto>> DropAndReconnectAsync()
        {
            var reconnected = Drop();
            await ReconnectAsync(reconnected);
            return _afterDrop;
        }

        /// <summary>Aborts the socket and keeps the line down (reconnect attempts fail) until <see cref="ReconnectAsync"/>.</summary>
        public Task Drop()
        {
            var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Connection.Reconnected += _ =>
            {
                reconnected.TrySetResult();
                return Task.CompletedTask;
            };
            _offline = true;
            _dropped = true;
            _socket!.Abort();
            return reconnected.Task;
        }

        public async Task<ConcurrentQueue<JobDto>> ReconnectAsync(Task reconnected)
        {
            _offline = false;
            await reconnected.WaitAsync(TimeSpan.FromSeconds(60));
            return _afterDrop;
        }

        public Task<JobDto> WaitForAsync(Guid id, JobStatus status) => Wait(id, status).Task.WaitAsync(TimeSpan.FromSeconds(60));

        public ValueTask DisposeAsync() => Connection.DisposeAsync();

        private TaskCompletionSource<JobDto> Wait(Guid id, JobStatus status) =>
            _waits.GetOrAdd((id, status), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class EveryTenthOfASecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromSeconds(60) ? TimeSpan.FromMilliseconds(100) : null;
    }
}
