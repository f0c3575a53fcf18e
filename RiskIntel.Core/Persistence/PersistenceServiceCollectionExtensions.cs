using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Persistence.Providers;

namespace RiskIntel.Core.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    /// <summary>The one DbContext on the configured provider, migrated at start; Data Protection keys live in it.</summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
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
        return builder;
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : RiskIntelDbContext
    {
        // Interceptors other features register (the job engine stamps its events with the node) apply to every context.
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
        });
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
}
