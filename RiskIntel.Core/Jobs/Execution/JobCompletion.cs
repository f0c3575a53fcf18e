using System.Text.Json;
using System.Text.Json.Nodes;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>What a completion handler sees of a finished job, the unit of work it writes to, and how it chains the next job.</summary>
public sealed class JobCompletion
{
    private readonly Job _job;
    private readonly Func<JobSubmission, Job> _stage;

    internal JobCompletion(Job job, RiskIntelDbContext db, Func<JobSubmission, Job> stage)
    {
        _job = job;
        _stage = stage;
        Db = db;
    }

    public Guid JobId => _job.Id;

    public JobType Type => _job.Type;

    public JobStatus Status => _job.Status;

    public string UserId => _job.CreatedById;

    public string? Error => _job.Error;

    /// <summary>When the job was submitted: later steps use it to ignore the outcome of an older run.</summary>
    public DateTime CreatedAt => _job.CreatedAt;

    /// <summary>The unit of work the outcome is committed in.</summary>
    public RiskIntelDbContext Db { get; }

    public T GetInput<T>() => JsonSerializer.Deserialize<T>(_job.Input, ApiJson.Options)
        ?? throw new InvalidOperationException($"Job {_job.Id} has no input.");

    public T? GetResult<T>() => _job.Result is null ? default : JsonSerializer.Deserialize<T>(_job.Result, ApiJson.Options);

    /// <summary>Stages the next job of the pipeline for the same user; it is scheduled once the outcome is committed.</summary>
    public Guid Enqueue(JobType type, JsonObject input) => _stage(new JobSubmission(type, input, _job.CreatedById)).Id;
}
