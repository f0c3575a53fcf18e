using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Scheduling;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs.Scheduling;

public sealed class ClusteredSchedulingTests
{
    [Fact]
    public void AddRiskIntelCore_ClusteredOnSqlite_RefusesToStartNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new() { ["Jobs:Scheduler"] = "Clustered" }));

        Assert.Contains("Jobs:Scheduler", error.Message, StringComparison.Ordinal);
        Assert.Contains("SQLite", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task SubmitAsync_Clustered_StoresTheJobWithItsTriggerAndItsEventWithTheNode()
    {
        using var database = new PostgresTestDatabase();
        database.CreateFactory();
        using var host = Build(Postgres(database));

        var submitted = await host.Services.GetRequiredService<JobService>().SubmitAsync(Preview("stored with its trigger"), default);

        Assert.Equal(1, await CountAsync(database, $"SELECT count(*) FROM \"Jobs\" WHERE \"Id\" = '{submitted.Job.Id}'"));
        Assert.Equal(1, await TriggersOfAsync(database, submitted.Job.Id));
        Assert.Equal(1, await CountAsync(database,
            $"SELECT count(*) FROM \"JobEvents\" WHERE \"JobId\" = '{submitted.Job.Id}' AND \"Node\" = 'clustered-test'"));
    }

    [PostgresFact]
    public async Task ScheduleInTransactionAsync_CommitFails_LeavesNeitherTheJobNorItsTrigger()
    {
        using var database = new PostgresTestDatabase();
        var factory = database.CreateFactory();
        using var host = Build(Postgres(database));
        var scheduler = host.Services.GetRequiredService<IJobScheduler>();
        var job = Job.Create(Preview("rolled back"), "hash", 3, DateTime.UtcNow);

        await using (var db = factory.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.ScheduleInTransactionAsync(
                transaction.GetDbTransaction(), job.Id, job.Type, _ => throw new InvalidOperationException("the commit failed"), default));
        }

        Assert.True(scheduler.SchedulesInTransaction);
        Assert.Equal(0, await CountAsync(database, $"SELECT count(*) FROM \"Jobs\" WHERE \"Id\" = '{job.Id}'"));
        Assert.Equal(0, await TriggersOfAsync(database, job.Id));
    }

    private static Dictionary<string, string?> Postgres(PostgresTestDatabase database) => new()
    {
        ["Database:Provider"] = "Npgsql",
        ["ConnectionStrings:RiskIntel"] = database.ConnectionString,
        ["Jobs:Scheduler"] = "Clustered",
        ["Jobs:NodeName"] = "clustered-test",
    };

    private static JobSubmission Preview(string text) =>
        new(JobType.AiPreview, new JsonObject { ["systemPrompt"] = "", ["userPrompt"] = text, ["variables"] = new JsonObject() }, "user-1");

    private static Task<long> TriggersOfAsync(PostgresTestDatabase database, Guid jobId) =>
        CountAsync(database, $"SELECT count(*) FROM {ClusteredScheduling.TablePrefixPostgres}triggers WHERE trigger_name LIKE '{jobId:N}-%'");

    private static async Task<long> CountAsync(PostgresTestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRiskIntelCore();
        return builder.Build();
    }
}
