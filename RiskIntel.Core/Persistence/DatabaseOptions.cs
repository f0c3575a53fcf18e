namespace RiskIntel.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Npgsql,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "RiskIntel";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/riskintel.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start (the embedded default); turn off where a DBA migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
