namespace RiskIntel.App.Hubs;

internal static class HubsServiceCollectionExtensions
{
    /// <summary>
    /// The job-status hub, fed from the in-process feed. Scaled out, the feed already carries every node's changes
    /// (the Redis relay), so hub groups stay per node and the hub keeps working for this node's clients while
    /// Redis is away; no SignalR backplane is needed.
    /// </summary>
    public static IHostApplicationBuilder AddJobStatusHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o => RiskIntel.Core.ApiJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<HubClientSubscriptions>();
        builder.Services.AddHostedService<JobStatusHubBridge>();
        return builder;
    }
}
