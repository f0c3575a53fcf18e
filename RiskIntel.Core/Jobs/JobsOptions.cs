using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Jobs run at once on one node (Quartz thread pool size).</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest one attempt may run before it fails as a retryable timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a node's claim on a running job holds without a heartbeat.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the recovery sweep looks for lost and stranded jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// This node's name. A node that restarts under the same name takes back at once the jobs its previous
    /// process was running; give each process sharing a database its own name.
    /// </summary>
    [Required]
    [MaxLength(100)]
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>
    /// Where Quartz keeps its triggers: in this process (one node, the default) or in the application database
    /// with clustering, so every node sharing it takes work (PostgreSQL and SQL Server only).
    /// </summary>
    public JobSchedulerMode Scheduler { get; set; } = JobSchedulerMode.InMemory;

    /// <summary>Settings of the clustered scheduler (<c>Jobs:Cluster:*</c>), read when <see cref="Scheduler"/> is Clustered.</summary>
    public JobClusterOptions Cluster { get; set; } = new();
}
