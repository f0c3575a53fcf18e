using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Tests.App.Endpoints.Jobs;
using RiskIntel.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RiskIntel.Tests.App.Hubs;

/// <summary>
/// Two nodes on one database and a private Redis server that the test kills and starts again: each node keeps serving
/// its own jobs meanwhile, and when Redis returns, node A's feed and hub clients catch up on what node B did.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [RedisServerFact]
    public async Task RedisDown_EachNodeServesItsOwnJobs_AndNodeACatchesUpOnNodeBWhenRedisReturns()
    {
        using var redis = await RedisServerProcess.StartAsync();
        using var database = new SqliteTestDatabase();
        using var nodeA = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis.ConnectionString);
        using var nodeB = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis.ConnectionString);
        var token = await nodeA.GetTokenAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);
        using var clientOfA = Authorized(nodeA.CreateClient(), token);
        using var clientOfB = Authorized(nodeB.CreateClient(), token);
        using var feedOfA = new FeedRecorder(nodeA.Services.GetRequiredService<JobStatusFeed>());
        await using var hubBefore = await ConnectAsync(nodeA, token);
        var lostA = Lost(nodeA);
        var lostB = Lost(nodeB);

        redis.Kill();
        await lostA.WaitAsync(Generous);
        await lostB.WaitAsync(Generous);
        await using var hubDuring = await ConnectAsync(nodeA, token);
        var onA = await JobsEndpointsTests.SubmitPreviewAsync(clientOfA, "run on A while Redis is down");
        var onB = await JobsEndpointsTests.SubmitPreviewAsync(clientOfB, "run on B while Redis is down");
        await nodeB.WaitForAsync(onB, JobStatus.Completed);
        await hubBefore.WaitForAsync(onA, JobStatus.Completed);
        await hubDuring.WaitForAsync(onA, JobStatus.Completed);
        var ready = await clientOfA.GetAsync("/health/ready");
        var seenOfBWhileDown = feedOfA.Received.Any(c => c.Job.Id == onB);

        var restarted = Stopwatch.StartNew();
        await redis.RestartAsync();
        var caughtUp = await feedOfA.WaitForAsync(onB, JobStatus.Completed);
        var feedLatency = restarted.Elapsed;
        var viaHub = await hubBefore.WaitForAsync(onB, JobStatus.Completed);
        var hubLatency = restarted.Elapsed;
        output.WriteLine($"node A's feed caught up on node B's job {feedLatency.TotalMilliseconds:0} ms after redis-server restarted; its hub client {hubLatency.TotalMilliseconds:0} ms");

        Assert.False(seenOfBWhileDown);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"redis\":{\"status\":\"Degraded\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(caughtUp.IsRemote && caughtUp.IsResync);
        Assert.Equal(JobStatus.Completed, viaHub.Status);
        Assert.DoesNotContain(feedOfA.Received, c => c.Job.Id == onA && c.IsRemote);
    }

    [RedisServerFact]
    public async Task RedisDownAtStart_NodeStarts_AndRelaysOnceRedisIsUp()
    {
        using var redis = await RedisServerProcess.StartAsync();
        redis.Kill();
        using var database = new SqliteTestDatabase();
        using var nodeA = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis.ConnectionString);
        using var nodeB = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis.ConnectionString);
        var token = await nodeA.GetTokenAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);
        using var clientOfB = Authorized(nodeB.CreateClient(), token);
        using var feedOfA = new FeedRecorder(nodeA.Services.GetRequiredService<JobStatusFeed>());
        var offline = await JobsEndpointsTests.SubmitPreviewAsync(clientOfB, "before Redis ever answered");
        await nodeB.WaitForAsync(offline, JobStatus.Completed);

        var upA = Restored(nodeA);
        var upB = Restored(nodeB);
        await redis.RestartAsync();
        await feedOfA.WaitForAsync(offline, JobStatus.Completed);
        await upA.WaitAsync(Generous);
        await upB.WaitAsync(Generous);
        var live = await JobsEndpointsTests.SubmitPreviewAsync(clientOfB, "relayed live");
        var relayed = await feedOfA.WaitForAsync(live, JobStatus.Completed);

        Assert.True(relayed.IsRemote);
        Assert.False(relayed.IsResync);
    }

    [RedisServerFact]
    public async Task CatchUp_MoreChangedJobsThanTheLimit_FeedsTheNewestOnly()
    {
        using var redis = await RedisServerProcess.StartAsync();
        using var database = new SqliteTestDatabase();
        using var nodeA = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis.ConnectionString).With("Redis:CatchUpLimit", "1");
        using var nodeB = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis.ConnectionString);
        var token = await nodeA.GetTokenAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);
        using var clientOfB = Authorized(nodeB.CreateClient(), token);
        using var feedOfA = new FeedRecorder(nodeA.Services.GetRequiredService<JobStatusFeed>());
        var lostA = Lost(nodeA);
        var lostB = Lost(nodeB);

        redis.Kill();
        await lostA.WaitAsync(Generous);
        await lostB.WaitAsync(Generous);
        var older = await JobsEndpointsTests.SubmitPreviewAsync(clientOfB, "older");
        await nodeB.WaitForAsync(older, JobStatus.Completed);
        var newer = await JobsEndpointsTests.SubmitPreviewAsync(clientOfB, "newer");
        await nodeB.WaitForAsync(newer, JobStatus.Completed);
        var caughtUp = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeA.Services.GetRequiredService<RedisJobStatusRelay>().CaughtUp += fed => caughtUp.TrySetResult(fed);
        await redis.RestartAsync();
        var fed = await caughtUp.Task.WaitAsync(Generous);
        // The catch-up feeds oldest first, so once the newer row is delivered the older one would have been too.
        var row = await feedOfA.WaitForAsync(newer, JobStatus.Completed);

        Assert.Equal(1, fed);
        Assert.True(row.IsResync);
        Assert.DoesNotContain(feedOfA.Received, c => c.Job.Id == older);
    }

    private static HttpClient Authorized(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static Task Lost(RiskIntelAppFactory node)
    {
        var redis = node.Services.GetRequiredService<IConnectionMultiplexer>();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        redis.ConnectionFailed += (_, _) => lost.TrySetResult();
        return lost.Task;
    }

    private static Task Restored(RiskIntelAppFactory node)
    {
        var redis = node.Services.GetRequiredService<IConnectionMultiplexer>();
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        redis.ConnectionRestored += (_, _) => restored.TrySetResult();
        if (redis.IsConnected)
        {
            restored.TrySetResult();
        }

        return restored.Task;
    }

    private static async Task<HubClient> ConnectAsync(RiskIntelAppFactory node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "/hubs/jobs"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync().WaitAsync(Generous);
        return client;
    }

    private sealed class HubClient : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<(Guid, JobStatus), TaskCompletionSource<JobDto>> _waits = new();

        public HubClient(HubConnection connection)
        {
            Connection = connection;
            connection.On<JobDto>("JobUpdated", job => Wait(job.Id, job.Status).TrySetResult(job));
        }

        public HubConnection Connection { get; }

        public Task<JobDto> WaitForAsync(Guid id, JobStatus status) => Wait(id, status).Task.WaitAsync(Generous);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();

        private TaskCompletionSource<JobDto> Wait(Guid id, JobStatus status) =>
            _waits.GetOrAdd((id, status), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Records every change of a node's feed and lets a test await a job's status.</summary>
    private sealed class FeedRecorder : IDisposable
    {
        private readonly ConcurrentDictionary<(Guid, JobStatus), TaskCompletionSource<JobStatusChanged>> _waits = new();
        private readonly IDisposable _subscription;

        public FeedRecorder(JobStatusFeed feed) => _subscription = feed.SubscribeAll(change =>
        {
            Received.Enqueue(change);
            Wait(change.Job.Id, change.Job.Status).TrySetResult(change);
            return Task.CompletedTask;
        });

        public ConcurrentQueue<JobStatusChanged> Received { get; } = new();

        public Task<JobStatusChanged> WaitForAsync(Guid id, JobStatus status) => Wait(id, status).Task.WaitAsync(Generous);

        public void Dispose() => _subscription.Dispose();

        private TaskCompletionSource<JobStatusChanged> Wait(Guid id, JobStatus status) =>
            _waits.GetOrAdd((id, status), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
