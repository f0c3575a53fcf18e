using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Scheduling;

/// <summary>
/// <c>Jobs:Scheduler=Clustered</c>: Quartz's AdoJobStore on the application database, clustered, accepting the
/// transactions a submission enlists. The Quartz tables come with the application's migrations (AddQuartzTables), so the
/// store only validates them. SQLite is refused: it is one file on one machine, nothing to cluster over.
/// </summary>
internal static class ClusteredScheduling
{
    public const string TablePrefixSqlServer = "QRTZ_";
    public const string TablePrefixPostgres = "qrtz_";

    public static void UseClusteredStore(this IQuartzBuilder quartz, IConfiguration configuration, JobsOptions jobs)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (database.Provider == DatabaseProvider.Sqlite || string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException($"{JobsOptions.SectionName}:Scheduler", typeof(JobsOptions),
                [$"{JobsOptions.SectionName}:Scheduler=Clustered needs Database:Provider Npgsql or SqlServer and ConnectionStrings:{DatabaseOptions.ConnectionStringName}; " +
                 "SQLite runs one node only: leave Jobs:Scheduler at InMemory."]);
        }

        quartz.UseInstanceIdGenerator<NodeInstanceIdGenerator>();
        quartz.ConfigureScheduler(s => s.IdleWaitTime = jobs.Cluster.IdleWait);
        quartz.UsePersistentStore(store =>
        {
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                store.UseSqlServer(SqlClientFactory.Instance, connectionString);
            }
            else
            {
                store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            }

            store.UseSystemTextJsonSerializer(_ => { });
            store.UseClustering(c =>
            {
                c.CheckinInterval = jobs.Cluster.CheckinInterval;
                c.CheckinMisfireThreshold = jobs.Cluster.CheckinMisfireThreshold;
            });
            store.ConfigureStore(o =>
            {
                o.TablePrefix = database.Provider == DatabaseProvider.SqlServer ? TablePrefixSqlServer : TablePrefixPostgres;
                o.AcceptEnlistedTransactions = true;
            });
        });
    }
}
