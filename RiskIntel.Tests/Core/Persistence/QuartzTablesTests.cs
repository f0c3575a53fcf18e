using RiskIntel.Core.Persistence.Migrations.Quartz;

namespace RiskIntel.Tests.Core.Persistence;

public sealed class QuartzTablesTests
{
    [Theory]
    [InlineData("tables_postgres.sql", "qrtz_", "CREATE TABLE IF NOT EXISTS qrtz_job_details")]
    [InlineData("tables_sqlServer.sql", "QRTZ_", "IF OBJECT_ID(N'QRTZ_JOB_DETAILS', N'U') IS NULL")]
    public void Statements_QuartzScript_EveryTableAndIndexWithThePrefixAndNoPlaceholderLeft(string script, string prefix, string first)
    {
        var statements = QuartzTables.Statements(script, prefix);

        Assert.StartsWith($"-- {prefix}JOB_DETAILS", statements[0], StringComparison.Ordinal);
        Assert.Contains(first, statements[0], StringComparison.Ordinal);
        Assert.Equal(15, statements.Count(s => s.Contains("CREATE TABLE", StringComparison.Ordinal)));
        Assert.Equal(15, statements.Count(s => s.Contains("CREATE INDEX", StringComparison.Ordinal)));
        Assert.All(statements, s => Assert.DoesNotContain("{0}", s, StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("{1}", s, StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains($"{prefix}SCHEDULER_STATE", StringComparison.OrdinalIgnoreCase)
            && s.Contains("CREATE TABLE", StringComparison.Ordinal));
    }
}
