using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Scheduling;
using RiskIntel.Core.Jobs.Storage;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs;

internal static class JobsServiceCollectionExtensions
{
    /// <summary>The job engine: submission, execution, recovery, status notifications and the Quartz adapter.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<RunningJobs>();
        services.TryAddSingleton(sp => JobStores.Create(
            sp.GetRequiredService<IDbContextFactory<RiskIntelDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IJobStore).FullName!),
            sp.GetRequiredService<NodeIdentity>().Name));
        services.AddSingleton<ISaveChangesInterceptor, JobEventNodeInterceptor>();
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<JobCommitter>();
        services.TryAddSingleton<JobStatistics>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<JobRecovery>();
        services.TryAddSingleton<JobRetention>();
        // Before the feed's registration, so a poll right after a push never gets the state before it.
        services.TryAddSingleton<JobSnapshots>();
        services.AddSingleton<IJobStatusNotifier>(sp => sp.GetRequiredService<JobSnapshots>());
        services.AddMetrics();
        services.AddHostedService<JobQueueGauge>();
        builder.AddJobNotifications();
        builder.AddJobScheduling();
        return builder;
    }
}
