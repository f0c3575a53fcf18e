using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Ai;

public enum AiProvider
{
    Offline,
    Bedrock,
    OpenAI,
}

public sealed class AiOptions
{
    public const string SectionName = "Ai";

    public AiProvider Provider { get; set; } = AiProvider.Offline;

    /// <summary>Upper bound for one model call, so a stuck call fails as a retryable timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many AI jobs may run at once on one node.</summary>
    [Range(1, 256)]
    public int MaxConcurrentJobs { get; set; } = 4;
}
