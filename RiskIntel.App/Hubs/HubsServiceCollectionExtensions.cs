using RiskIntel.Core;
using RiskIntel.Core.Jobs.Notifications;
using StackExchange.Redis;

namespace RiskIntel.App.Hubs;

internal static class HubsServiceCollectionExtensions
{
    /// <summary>The job-status hub, bridged from the in-process feed; a Redis backplane when scaled out.</summary>
    public static IHostApplicationBuilder AddJobStatusHub(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>();
        if (!string.IsNullOrWhiteSpace(redis?.ConnectionString))
        {
            // Scaled out: the backplane carries each node's hub sends to connections on every node.
            signalR.AddStackExchangeRedis(redis.ConnectionString, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.ChannelPrefix));
        }

        builder.Services.AddHostedService<JobStatusHubBridge>();
        return builder;
    }
}
