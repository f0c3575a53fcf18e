using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RiskIntel.Core.Persistence.Migrations.Quartz;

/// <summary>
/// Quartz's tables in the application database, for <c>Jobs:Scheduler=Clustered</c>: created by the AddQuartzTables
/// migration from Quartz 4.7.3's own scripts (embedded beside this file), so one migration sets up everything.
/// </summary>
internal static class QuartzTables
{
    // Children first, so Down can drop them in this order.
    private static readonly string[] Tables =
    [
        "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS",
        "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY",
        "MISFIRE_HISTORY", "JOB_STATUS",
    ];

    public static void CreatePostgres(MigrationBuilder migration) =>
        Create(migration, "tables_postgres.sql", Jobs.Scheduling.ClusteredScheduling.TablePrefixPostgres);

    public static void CreateSqlServer(MigrationBuilder migration) =>
        Create(migration, "tables_sqlServer.sql", Jobs.Scheduling.ClusteredScheduling.TablePrefixSqlServer);

    public static void DropPostgres(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            migration.Sql($"DROP TABLE IF EXISTS {Jobs.Scheduling.ClusteredScheduling.TablePrefixPostgres}{table.ToLowerInvariant()};");
        }
    }

    public static void DropSqlServer(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            migration.Sql($"DROP TABLE IF EXISTS {Jobs.Scheduling.ClusteredScheduling.TablePrefixSqlServer}{table};");
        }
    }

    /// <summary>The script's statements with the table prefix in place, in order.</summary>
    internal static IReadOnlyList<string> Statements(string script, string prefix)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"RiskIntel.Core.Persistence.Migrations.Quartz.{script}")
            ?? throw new InvalidOperationException($"The Quartz schema script {script} is not embedded.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var bare = prefix[(prefix.LastIndexOf('.') + 1)..];
        return text.Split("\n--;;\n")
            .Select(piece => piece.Replace("{0}", prefix, StringComparison.Ordinal).Replace("{1}", bare, StringComparison.Ordinal).Trim())
            .Where(piece => piece.Split('\n').Any(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal) && line.Trim().Length > 0))
            .ToList();
    }

    private static void Create(MigrationBuilder migration, string script, string prefix)
    {
        foreach (var statement in Statements(script, prefix))
        {
            migration.Sql(statement);
        }
    }
}
