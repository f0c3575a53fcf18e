using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Core.Jobs.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz behind the <see cref="IJobScheduler"/> and <see cref="IWebhookScheduler"/> ports: one durable
    /// Quartz job per kind of work, a trigger per run, and the recurring recovery and retention sweeps.
    /// </summary>
    public static IHostApplicationBuilder AddJobScheduling(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new();
        services.TryAddSingleton<QuartzJobScheduler>();
        services.TryAddSingleton<IJobScheduler>(sp => sp.GetRequiredService<QuartzJobScheduler>());
        services.TryAddSingleton<IWebhookScheduler>(sp => sp.GetRequiredService<QuartzJobScheduler>());

        var clustered = jobs.Scheduler == JobSchedulerMode.Clustered;
        services.AddQuartz(q =>
        {
            if (clustered)
            {
                q.UseClusteredStore(builder.Configuration, jobs);
            }

            q.UseDefaultThreadPool(jobs.MaxConcurrency);
            q.ConfigureScheduler(s => s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            q.UseExecutionLimits((sp, limits) => limits.ForGroup(
                QuartzJobScheduler.AiExecutionGroup,
                sp.GetRequiredService<IOptions<AiOptions>>().Value.MaxConcurrentJobs,
                ExecutionLimitScope.Node));
            q.AddJob<RunJobQuartzJob>(j => j.WithIdentity(RunJobQuartzJob.Key).StoreDurably());
            q.AddJob<DeliverWebhookQuartzJob>(j => j.WithIdentity(DeliverWebhookQuartzJob.Key).StoreDurably());
            if (!clustered)
            {
                q.ScheduleJob<JobRecoveryQuartzJob>(
                    t => t.WithIdentity("recover-jobs", "riskintel").StartNow().WithSimpleSchedule(jobs.SweepInterval, null),
                    j => j.WithIdentity(JobRecoveryQuartzJob.Key));
            }

            q.ScheduleJob<JobRetentionQuartzJob>(
                t => t.WithIdentity("prune-jobs", "riskintel").StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(TimeSpan.FromHours(1), null),
                j => j.WithIdentity(JobRetentionQuartzJob.Key));
        });

        // Registered explicitly so DI validation covers the Quartz job classes.
        services.AddTransient<RunJobQuartzJob>();
        services.AddTransient<DeliverWebhookQuartzJob>();
        services.AddTransient<JobRecoveryQuartzJob>();
        services.AddTransient<JobRetentionQuartzJob>();
        if (clustered)
        {
            services.AddTransient<NodeInstanceIdGenerator>();
            services.AddHostedService<NodeSweepService>();
        }

        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return builder;
    }
}
