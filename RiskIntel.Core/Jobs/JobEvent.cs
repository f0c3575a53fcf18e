namespace RiskIntel.Core.Jobs;

/// <summary>One entry of a job's state-change log.</summary>
public sealed class JobEvent
{
    private JobEvent()
    {
    }

    public JobEvent(Guid jobId, JobStatus? from, JobStatus to, DateTime at, string? message)
    {
        JobId = jobId;
        From = from;
        To = to;
        At = at;
        Message = message;
    }

    public long Id { get; private set; }

    public Guid JobId { get; private set; }

    public JobStatus? From { get; private set; }

    public JobStatus To { get; private set; }

    public DateTime At { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The name of the node that made the transition, stamped when the event is stored.</summary>
    public string? Node { get; private set; }
}
