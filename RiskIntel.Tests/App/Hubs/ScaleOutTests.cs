using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Tests.App.Endpoints.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Hubs;

/// <summary>Two nodes on one database and one Redis server: a job run on node A is seen live on node B.</summary>
[Trait("Category", "Slow")]
public sealed class ScaleOutTests
{
    [RedisFact]
    public async Task JobOnNodeA_ReachesHubClientsAndTheFeedOfNodeB()
    {
        var redis = RedisFactAttribute.ConnectionString ?? throw new InvalidOperationException($"{RedisFactAttribute.Variable} is required.");
        var prefix = $"test-{Guid.NewGuid():N}";
        using var database = new SqliteTestDatabase();
        using var nodeA = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis).With("Redis:ChannelPrefix", prefix);
        using var nodeB = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis).With("Redis:ChannelPrefix", prefix);
        var token = await nodeA.GetTokenAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);
        var onB = new ConcurrentDictionary<JobStatus, TaskCompletionSource<JobDto>>();
        await using var hubOnB = new HubConnectionBuilder()
            .WithUrl(new Uri(nodeB.Server.BaseAddress, "/hubs/jobs"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => nodeB.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        hubOnB.On<JobDto>("JobUpdated", job => onB.GetOrAdd(job.Status, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(job));
        await hubOnB.StartAsync();
        using var clientOfA = nodeA.CreateClient();
        clientOfA.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var feedOfB = new TaskCompletionSource<JobStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = nodeB.Services.GetRequiredService<JobStatusFeed>().SubscribeAll(change =>
        {
            if (change.Job.Status == JobStatus.Completed)
            {
                feedOfB.TrySetResult(change);
            }

            return Task.CompletedTask;
        });

        var id = await JobsEndpointsTests.SubmitPreviewAsync(clientOfA, "run on A, watched on B");
        var stored = await nodeA.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);
        Assert.Equal(JobStatus.Completed, stored.Status);
        var viaFeedOfB = (await WithinAsync(feedOfB.Task, "node B's feed never saw the job complete")).Job;
        var viaHubOfB = await WithinAsync(
            onB.GetOrAdd(JobStatus.Completed, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task,
            $"node B's hub client never got COMPLETED (it saw: {string.Join(", ", onB.Keys)})");

        Assert.Equal(id, viaFeedOfB.Id);
        Assert.Equal(id, viaHubOfB.Id);
        Assert.Equal(1, viaHubOfB.Attempts);
    }

    [RedisFact]
    public async Task HubClientKey_ReconnectLandingOnNodeB_GetsTheSubscriptionMadeOnNodeA()
    {
        var redis = RedisFactAttribute.ConnectionString ?? throw new InvalidOperationException($"{RedisFactAttribute.Variable} is required.");
        var prefix = $"test-{Guid.NewGuid():N}";
        using var database = new SqliteTestDatabase();
        using var nodeA = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis).With("Redis:ChannelPrefix", prefix);
        using var nodeB = new RiskIntelAppFactory(database).With("Redis:ConnectionString", redis).With("Redis:ChannelPrefix", prefix);
        var token = await nodeA.GetTokenAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);
        using var clientOfA = nodeA.CreateClient();
        clientOfA.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var job = await JobsEndpointsTests.SubmitPreviewAsync(clientOfA, "subscribed on A");
        await nodeA.WaitForAsync(job, JobStatus.Completed);
        var key = Guid.NewGuid().ToString("N");

        await using (var onA = Hub(nodeA, token, key, _ => { }))
        {
            await onA.StartAsync();
            await onA.InvokeAsync<JobDto>("SubscribeJob", job);
        }

        var restored = new TaskCompletionSource<JobDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onB = Hub(nodeB, token, key, j => restored.TrySetResult(j));
        await onB.StartAsync();
        var row = await WithinAsync(restored.Task, "node B never sent the row of the job subscribed on node A");

        Assert.Equal((job, JobStatus.Completed), (row.Id, row.Status));
    }

    private static HubConnection Hub(RiskIntelAppFactory node, string token, string clientKey, Action<JobDto> onJob)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, $"/hubs/jobs?client={clientKey}"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        connection.On("JobUpdated", onJob);
        return connection;
    }

    private static async Task<T> WithinAsync<T>(Task<T> task, string failure)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail(failure);
            throw;
        }
    }
}
