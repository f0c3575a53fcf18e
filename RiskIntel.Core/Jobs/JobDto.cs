using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskIntel.Core.Jobs;

/// <summary>A job as clients see it: <c>GET /api/jobs/{id}</c>, hub pushes and the in-process feed.</summary>
public sealed record JobDto(
    Guid Id,
    JobType Type,
    JobStatus Status,
    JsonElement Input,
    JsonElement? Result,
    string? Error,
    int Attempts,
    int MaxAttempts,
    int Progress,
    string? ProgressMessage,
    string CreatedById,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime UpdatedAt,
    DateTime? NextAttemptAt)
{
    [JsonIgnore]
    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}

public sealed record JobEventDto(JobStatus? From, JobStatus To, DateTime At, string? Message, string? Node);

public static class JobMappings
{
    public static JobDto ToDto(this Job job) => new(
        job.Id,
        job.Type,
        job.Status,
        job.ParsedInput,
        Parse(job.Result),
        job.Error,
        job.Attempts,
        job.MaxAttempts,
        job.Progress,
        job.ProgressMessage,
        job.CreatedById,
        job.CreatedAt,
        job.StartedAt,
        job.CompletedAt,
        job.UpdatedAt,
        job.NextAttemptAt);

    public static JobEventDto ToDto(this JobEvent jobEvent) =>
        new(jobEvent.From, jobEvent.To, jobEvent.At, jobEvent.Message, jobEvent.Node);

    private static JsonElement? Parse(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
