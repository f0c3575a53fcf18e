using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// The job engine's metrics and traces (System.Diagnostics; the host exports them with OpenTelemetry): jobs
/// submitted, started, completed, failed and retried by type, queue depth, queue and run latency, and the
/// store's group commits. Queue depth is a gauge of each host (<see cref="JobQueueGauge"/>). A job's run is a span whose parent is the request that submitted it.
/// </summary>
public static class JobTelemetry
{
    public const string Name = "RiskIntel.Jobs";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Submitted = Meter.CreateCounter<long>("riskintel.jobs.submitted", "{job}", "Jobs accepted");
    private static readonly Counter<long> Started = Meter.CreateCounter<long>("riskintel.jobs.started", "{attempt}", "Attempts started");
    private static readonly Counter<long> Finished = Meter.CreateCounter<long>("riskintel.jobs.finished", "{job}", "Jobs that reached a terminal state, by status");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("riskintel.jobs.retries", "{attempt}", "Failed attempts that will be retried");
    private static readonly Histogram<double> QueueLatency = Meter.CreateHistogram<double>("riskintel.jobs.queue_latency", "ms", "Submission (or retry time) to start");
    private static readonly Histogram<double> RunLatency = Meter.CreateHistogram<double>("riskintel.jobs.run_latency", "ms", "Start of the last attempt to the terminal state");
    private static readonly Counter<long> Commits = Meter.CreateCounter<long>("riskintel.jobs.store.commits", "{commit}", "Group commits of the job store");
    private static readonly Counter<long> Statements = Meter.CreateCounter<long>("riskintel.jobs.store.statements", "{statement}", "Statements the job store ran");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("riskintel.jobs.store.batch_size", "{request}", "Requests per group commit");
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("riskintel.jobs.store.commit_duration", "ms", "One group commit, begin to commit");
    // The API's names (AI_PREVIEW, COMPLETED), computed once: tags are recorded on every transition.
    private static readonly string[] TypeNames = Enum.GetValues<JobType>().Select(t => ApiName(t.ToString())).ToArray();
    private static readonly string[] StatusNames = Enum.GetValues<JobStatus>().Select(s => ApiName(s.ToString())).ToArray();

    internal static void RecordSubmitted(JobType type) => Submitted.Add(1, Tag(type));

    internal static void RecordStarted(Job job)
    {
        Started.Add(1, Tag(job.Type));
        if (job.StartedAt is { } started)
        {
            QueueLatency.Record((started - (job.Attempts == 1 ? job.CreatedAt : job.UpdatedAt)).TotalMilliseconds, Tag(job.Type));
        }
    }

    internal static void RecordOutcome(Job job)
    {
        if (job.Status == JobStatus.Pending)
        {
            Retries.Add(1, Tag(job.Type));
            return;
        }

        if (!job.IsTerminal)
        {
            return;
        }

        Finished.Add(1, Tag(job.Type), new KeyValuePair<string, object?>("status", StatusName(job.Status)));
        if (job.StartedAt is { } started && job.CompletedAt is { } completed)
        {
            RunLatency.Record((completed - started).TotalMilliseconds, Tag(job.Type));
        }
    }

    internal static void RecordRead() => Statements.Add(1);

    internal static void RecordCommit(int requests, int statements, TimeSpan duration)
    {
        Commits.Add(1);
        Statements.Add(statements);
        BatchSize.Record(requests);
        CommitDuration.Record(duration.TotalMilliseconds);
    }

    /// <summary>The span of one attempt, child of the submitting request's span when the job carries its trace context.</summary>
    internal static Activity? StartRun(Job job)
    {
        ActivityContext.TryParse(job.TraceParent, null, out var parent);
        var activity = Source.StartActivity("job.run", ActivityKind.Consumer, parent);
        activity?.SetTag("riskintel.job.id", job.Id);
        activity?.SetTag("riskintel.job.type", TypeName(job.Type));
        activity?.SetTag("riskintel.job.attempt", job.Attempts);
        return activity;
    }

    internal static string TypeName(JobType type) => TypeNames[(int)type];

    internal static string StatusName(JobStatus status) => StatusNames[(int)status];

    private static string ApiName(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);

    private static KeyValuePair<string, object?> Tag(JobType type) => new("type", TypeName(type));
}
