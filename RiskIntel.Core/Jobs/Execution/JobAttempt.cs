using System.Text.Json;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>What a handler knows about the attempt it runs, and how it reports progress.</summary>
public sealed class JobAttempt(Job job, Func<int, string?, CancellationToken, Task> reportProgress)
{
    public Guid JobId { get; } = job.Id;

    public JobType Type { get; } = job.Type;

    public int Attempt { get; } = job.Attempts;

    public string UserId { get; } = job.CreatedById;

    public string InputJson { get; } = job.Input;

    public T GetInput<T>()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(InputJson, ApiJson.Options)
                ?? throw new InputValidationException("The job input is empty.");
        }
        catch (JsonException ex)
        {
            throw new InputValidationException($"The job input is not valid: {ex.Message}", ex);
        }
    }

    public Task ReportProgressAsync(int percent, string? message, CancellationToken cancellationToken) =>
        reportProgress(percent, message, cancellationToken);
}
