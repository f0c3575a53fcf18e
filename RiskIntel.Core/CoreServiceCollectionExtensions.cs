using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using StackExchange.Redis;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Ai.OpenAi;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Core.Jobs.Scheduling;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Persistence.Providers;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Persistence, the job engine, AI providers and the job handlers of RiskIntel.</summary>
    public static IHostApplicationBuilder AddRiskIntelCore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddPersistence(builder);
        AddJobs(builder);
        AddAi(builder);
        AddPrompts(builder.Services);
        return builder;
    }

    private static void AddPersistence(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString) && database.Provider != DatabaseProvider.Sqlite)
        {
            throw new OptionsValidationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", typeof(DatabaseOptions),
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required when Database:Provider is {database.Provider}."]);
        }

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerRiskIntelDbContext>(builder.Services, o => o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure()));
                break;
            case DatabaseProvider.Npgsql:
                AddContext<NpgsqlRiskIntelDbContext>(builder.Services, o => o.UseNpgsql(connectionString));
                break;
            default:
                var sqlite = SqliteConnection(connectionString, builder.Environment.ContentRootPath);
                AddContext<SqliteRiskIntelDbContext>(builder.Services, o => o.UseSqlite(sqlite).AddInterceptors(new SqlitePragmaInterceptor()));
                break;
        }

        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddDataProtection().SetApplicationName("RiskIntel").PersistKeysToDbContext<RiskIntelDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<RiskIntelDbContext>("database", tags: ["ready"]);
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : RiskIntelDbContext
    {
        services.AddDbContextFactory<TContext>(configure);
        services.TryAddSingleton<IDbContextFactory<RiskIntelDbContext>, RiskIntelDbContextFactory<TContext>>();
        services.TryAddScoped<RiskIntelDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    private static string SqliteConnection(string? configured, string contentRoot)
    {
        var connection = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DatabaseOptions.DefaultSqliteConnectionString : configured);
        if (connection.DataSource != ":memory:" && !Path.IsPathRooted(connection.DataSource))
        {
            connection.DataSource = Path.Combine(contentRoot, connection.DataSource);
        }

        if (Path.GetDirectoryName(connection.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        connection.DefaultTimeout = 30;
        return connection.ToString();
    }

    private static void AddJobs(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new();

        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<RunningJobs>();
        services.TryAddSingleton<JobStatusFeed>();
        services.AddSingleton<IJobStatusNotifier>(sp => sp.GetRequiredService<JobStatusFeed>());
        services.TryAddSingleton<JobStatusPublisher>();
        services.TryAddSingleton<QuartzJobScheduler>();
        services.TryAddSingleton<IJobScheduler>(sp => sp.GetRequiredService<QuartzJobScheduler>());
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<JobStatistics>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<JobRecovery>();
        services.TryAddSingleton<JobRetention>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CallbackUrlPolicy>();
        services.TryAddSingleton<WebhookDeliveryQueries>();
        services.AddSingleton<IJobStatusNotifier, WebhookDispatcher>();
        AddScaleOut(builder);
        services.AddHttpClient<WebhookSender>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(jobs.MaxConcurrency);
            q.ConfigureScheduler(s => s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            q.UseExecutionLimits((sp, limits) => limits.ForGroup(
                QuartzJobScheduler.AiExecutionGroup,
                sp.GetRequiredService<IOptions<AiOptions>>().Value.MaxConcurrentJobs,
                ExecutionLimitScope.Node));
            q.AddJob<RunJobQuartzJob>(j => j.WithIdentity(RunJobQuartzJob.Key).StoreDurably());
            q.AddJob<DeliverWebhookQuartzJob>(j => j.WithIdentity(DeliverWebhookQuartzJob.Key).StoreDurably());
            q.ScheduleJob<JobRecoveryQuartzJob>(
                t => t.WithIdentity("recover-jobs", "riskintel").StartNow().WithSimpleSchedule(jobs.SweepInterval, null),
                j => j.WithIdentity(JobRecoveryQuartzJob.Key));
            q.ScheduleJob<JobRetentionQuartzJob>(
                t => t.WithIdentity("prune-jobs", "riskintel").StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(TimeSpan.FromHours(1), null),
                j => j.WithIdentity(JobRetentionQuartzJob.Key));
        });
        services.AddTransient<RunJobQuartzJob>();
        services.AddTransient<DeliverWebhookQuartzJob>();
        services.AddTransient<JobRecoveryQuartzJob>();
        services.AddTransient<JobRetentionQuartzJob>();
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
    }

    private static void AddPrompts(IServiceCollection services)
    {
        services.TryAddSingleton<PromptService>();
        services.TryAddSingleton<PromptQueries>();
        services.TryAddSingleton<PromptTransfer>();
        services.TryAddSingleton<ActivePromptLookup>();

        // Registered after the database initializer, so it seeds a migrated database.
        services.AddHostedService<PromptSeeder>();
    }

    private static void AddScaleOut(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName);
        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>();
        if (string.IsNullOrWhiteSpace(redis?.ConnectionString))
        {
            return;
        }

        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.ConnectionString));
        builder.Services.AddSingleton<RedisJobStatusRelay>();
        builder.Services.AddSingleton<IJobStatusNotifier>(sp => sp.GetRequiredService<RedisJobStatusRelay>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisJobStatusRelay>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
    }

    private static void AddAi(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.SectionName)
            .PostConfigure<IConfiguration>(ReadBedrockApiKeyFromEnvironment)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        services.TryAddSingleton<IAwsCredentialsSource, DefaultAwsCredentialsSource>();
        AddBedrock(services);
        services.TryAddSingleton<IChatClient>(CreateChatClient);
        services.AddSingleton<IJobHandler, AiPreviewHandler>();
    }

    // AWS SDKs read a Bedrock API key from this variable; configuration keeps precedence.
    private static void ReadBedrockApiKeyFromEnvironment(AiOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(options.Bedrock.ApiKey))
        {
            options.Bedrock.ApiKey = configuration["AWS_BEARER_TOKEN_BEDROCK"];
        }
    }

    private static void AddBedrock(IServiceCollection services)
    {
        services.TryAddSingleton<BedrockRateLimiters>();
        services.TryAddTransient<BedrockRateLimitHandler>();
        services.TryAddTransient<BedrockAuthHandler>();

        // The chat client is a singleton holding this typed client, so connections are recycled by the
        // primary handler's PooledConnectionLifetime rather than by handler rotation.
        var http = services.AddHttpClient<BedrockChatClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Outermost first: resilience (breaker, call timeout, retries), pacing, then signing, so that
        // every attempt waits for its slot and is signed afresh.
        http.AddResilienceHandler(BedrockResilience.PipelineName, BedrockResilience.Configure);
        http.AddHttpMessageHandler<BedrockRateLimitHandler>().AddHttpMessageHandler<BedrockAuthHandler>();
    }

    private static IChatClient CreateChatClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        return options.Provider switch
        {
            AiProvider.Bedrock => services.GetRequiredService<BedrockChatClient>(),
            AiProvider.OpenAI => OpenAiChatClientFactory.Create(options),
            _ => ActivatorUtilities.CreateInstance<OfflineChatClient>(services),
        };
    }
}
