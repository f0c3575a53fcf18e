using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using StackExchange.Redis;

namespace RiskIntel.Core.Jobs.Notifications;

internal static class NotificationsServiceCollectionExtensions
{
    /// <summary>Where committed status changes go: the in-process feed, webhooks, and Redis when scaled out.</summary>
    public static IHostApplicationBuilder AddJobNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<IJobSnapshotReader, DatabaseJobSnapshotReader>();
        services.TryAddSingleton<JobStatusFeed>();
        services.TryAddSingleton<ChangedJobsQuery>();
        services.AddSingleton<IJobStatusNotifier>(sp => sp.GetRequiredService<JobStatusFeed>());
        services.TryAddSingleton<JobStatusPublisher>();

        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CallbackUrlPolicy>();
        services.TryAddSingleton<WebhookDeliveryQueries>();
        services.AddSingleton<IJobStatusNotifier, WebhookDispatcher>();
        services.AddHttpClient<WebhookSender>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        AddScaleOut(builder);
        return builder;
    }

    private static void AddScaleOut(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>();
        if (string.IsNullOrWhiteSpace(redis?.ConnectionString))
        {
            return;
        }

        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisJobStatusRelay.ConnectOptions(redis.ConnectionString)));
        builder.Services.AddSingleton<RedisJobStatusRelay>();
        builder.Services.AddSingleton<IJobStatusNotifier>(sp => sp.GetRequiredService<RedisJobStatusRelay>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisJobStatusRelay>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
    }
}
