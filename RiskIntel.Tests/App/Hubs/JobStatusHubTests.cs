using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.App.Endpoints.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Hubs;

public sealed class JobStatusHubTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Connected_OwnJobUpdates_ArriveUpToCompletedWithTheRestJson()
    {
        var email = await app.CreateUserAsync("Admin");
        await using var hub = await ConnectAsync(email);
        using var client = await app.LoginAsync(email, RiskIntelAppFactory.UserPassword);

        var id = await JobsEndpointsTests.SubmitPreviewAsync(client, "pushed, not polled");
        var completed = await hub.WaitForAsync(id, JobStatus.Completed);

        Assert.Equal(JobStatus.Pending, hub.Received.First(j => j.Id == id).Status);
        Assert.Contains(hub.Received, j => j.Id == id && j.Status == JobStatus.Processing);
        Assert.Equal(1, completed.Attempts);
        Assert.Equal(JobType.AiPreview, completed.Type);
        Assert.NotNull(completed.Result);
    }

    [Fact]
    public async Task Connected_AnotherUsersJobs_AreNeverReceived()
    {
        var alice = await app.CreateUserAsync("Admin");
        var bob = await app.CreateUserAsync("Admin");
        await using var bobsHub = await ConnectAsync(bob);
        using var aliceClient = await app.LoginAsync(alice, RiskIntelAppFactory.UserPassword);
        using var bobClient = await app.LoginAsync(bob, RiskIntelAppFactory.UserPassword);

        var alicesJob = await JobsEndpointsTests.SubmitPreviewAsync(aliceClient, "alice's secret plan");
        await app.WaitForAsync(alicesJob, JobStatus.Completed);
        var bobsJob = await JobsEndpointsTests.SubmitPreviewAsync(bobClient, "bob's plan");
        await bobsHub.WaitForAsync(bobsJob, JobStatus.Completed);

        Assert.DoesNotContain(bobsHub.Received, j => j.Id == alicesJob);
    }

    [Fact]
    public async Task SubscribeJob_AnotherUsersJob_FailsWithoutRevealingIt()
    {
        var alice = await app.CreateUserAsync("Admin");
        using var aliceClient = await app.LoginAsync(alice, RiskIntelAppFactory.UserPassword);
        var alicesJob = await JobsEndpointsTests.SubmitPreviewAsync(aliceClient, "not for bob");
        await using var bobsHub = await ConnectAsync(await app.CreateUserAsync());

        var forOthers = await Assert.ThrowsAsync<HubException>(() => bobsHub.Connection.InvokeAsync<JobDto>("SubscribeJob", alicesJob));
        var forNobody = await Assert.ThrowsAsync<HubException>(() => bobsHub.Connection.InvokeAsync<JobDto>("SubscribeJob", Guid.NewGuid()));

        Assert.Equal(forNobody.Message, forOthers.Message);
        Assert.DoesNotContain(alicesJob.ToString(), forOthers.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SubscribeJob_NarrowsUpdatesToThatJob()
    {
        var email = await app.CreateUserAsync("Admin");
        using var client = await app.LoginAsync(email, RiskIntelAppFactory.UserPassword);
        var first = await JobsEndpointsTests.SubmitPreviewAsync(client, "first");
        await app.WaitForAsync(first, JobStatus.Completed);
        await using var hub = await ConnectAsync(email);
        await using var witness = await ConnectAsync(email);

        var current = await hub.Connection.InvokeAsync<JobDto>("SubscribeJob", first);
        var other = await JobsEndpointsTests.SubmitPreviewAsync(client, "not subscribed");
        // The witness (all own jobs) proves the hub has sent every update of that job before widening again.
        await witness.WaitForAsync(other, JobStatus.Completed);
        await hub.Connection.InvokeAsync("UnsubscribeJob", first);
        var third = await JobsEndpointsTests.SubmitPreviewAsync(client, "after unsubscribing");
        await hub.WaitForAsync(third, JobStatus.Completed);

        Assert.Equal(JobStatus.Completed, current.Status);
        Assert.DoesNotContain(hub.Received, j => j.Id == other);
    }

    [Fact]
    public async Task Connect_WithAccessTokenQueryOverWebSockets_IsAccepted()
    {
        var email = await app.CreateUserAsync("Admin");
        var token = await app.GetTokenAsync(email, RiskIntelAppFactory.UserPassword);
        var received = new ConcurrentQueue<JobDto>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/jobs"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                // As a browser does: WebSockets cannot carry an Authorization header, so the token rides in the query.
                o.WebSocketFactory = (context, ct) => new ValueTask<System.Net.WebSockets.WebSocket>(
                    app.Server.CreateWebSocketClient().ConnectAsync(
                        new UriBuilder(context.Uri) { Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri, ct));
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        connection.On<JobDto>("JobUpdated", received.Enqueue);

        await connection.StartAsync();

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Connect_Anonymous_IsRefused()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/jobs"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            })
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private async Task<HubClient> ConnectAsync(string email)
    {
        var token = await app.GetTokenAsync(email, RiskIntelAppFactory.UserPassword);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/jobs"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>A hub connection that records every JobUpdated and lets a test await a status.</summary>
    private sealed class HubClient : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<(Guid, JobStatus), TaskCompletionSource<JobDto>> _waits = new();

        public HubClient(HubConnection connection)
        {
            Connection = connection;
            connection.On<JobDto>("JobUpdated", job =>
            {
                Received.Enqueue(job);
                Wait(job.Id, job.Status).TrySetResult(job);
            });
        }

        public HubConnection Connection { get; }

        public ConcurrentQueue<JobDto> Received { get; } = new();

        public Task<JobDto> WaitForAsync(Guid id, JobStatus status) => Wait(id, status).Task.WaitAsync(TimeSpan.FromSeconds(60));

        public ValueTask DisposeAsync() => Connection.DisposeAsync();

        private TaskCompletionSource<JobDto> Wait(Guid id, JobStatus status) =>
            _waits.GetOrAdd((id, status), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
