using System.Data;

namespace RiskIntel.Core.Jobs;

// How the job store's SQL reads a row back into the entity, column by column in the order of Columns.
public sealed partial class Job
{
    internal const string Columns =
        "\"Id\", \"Type\", \"Status\", \"Input\", \"Result\", \"Error\", \"Attempts\", \"MaxAttempts\", \"Progress\", " +
        "\"ProgressMessage\", \"CreatedById\", \"CreatedAt\", \"StartedAt\", \"CompletedAt\", \"UpdatedAt\", \"NextAttemptAt\", " +
        "\"IdempotencyKey\", \"RequestHash\", \"CallbackUrl\", \"CancelRequested\", \"LeaseOwner\", \"LeaseExpiresAt\", \"Version\", \"TraceParent\"";

    internal static Job Restore(IDataRecord row) => new()
    {
        Id = row.GetGuid(0),
        Type = Enum.Parse<JobType>(row.GetString(1)),
        Status = Enum.Parse<JobStatus>(row.GetString(2)),
        Input = row.GetString(3),
        Result = Text(row, 4),
        Error = Text(row, 5),
        Attempts = row.GetInt32(6),
        MaxAttempts = row.GetInt32(7),
        Progress = row.GetInt32(8),
        ProgressMessage = Text(row, 9),
        CreatedById = row.GetString(10),
        CreatedAt = Utc(row, 11)!.Value,
        StartedAt = Utc(row, 12),
        CompletedAt = Utc(row, 13),
        UpdatedAt = Utc(row, 14)!.Value,
        NextAttemptAt = Utc(row, 15),
        IdempotencyKey = Text(row, 16),
        RequestHash = row.GetString(17),
        CallbackUrl = Text(row, 18),
        CancelRequested = row.GetBoolean(19),
        LeaseOwner = Text(row, 20),
        LeaseExpiresAt = Utc(row, 21),
        Version = row.GetInt32(22),
        TraceParent = Text(row, 23),
    };

    private static string? Text(IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTime? Utc(IDataRecord row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(row.GetDateTime(ordinal), DateTimeKind.Utc);
}
