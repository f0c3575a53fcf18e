namespace RiskIntel.Core.Jobs;

/// <summary>Throughput and latency of the last hour in equal slices, oldest first: what the jobs monitor charts.</summary>
public sealed record JobActivity(IReadOnlyList<JobActivitySlice> Slices);

/// <summary>One slice: jobs that finished in it, and the latency percentiles of the attempts that started in it.</summary>
public sealed record JobActivitySlice(DateTime Start, int Completed, int Failed, double QueueP50Ms, double QueueP95Ms, double RunP50Ms, double RunP95Ms);
