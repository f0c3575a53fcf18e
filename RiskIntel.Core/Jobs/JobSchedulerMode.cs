namespace RiskIntel.Core.Jobs;

/// <summary>How the job engine's Quartz scheduler stores its triggers (<c>Jobs:Scheduler</c>).</summary>
public enum JobSchedulerMode
{
    /// <summary>In this process: the fastest, for one node.</summary>
    InMemory,

    /// <summary>Quartz's AdoJobStore with clustering in the application database, for several nodes.</summary>
    Clustered,
}
