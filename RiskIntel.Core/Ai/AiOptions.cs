using System.ComponentModel.DataAnnotations;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Core.Ai.OpenAi;

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

    /// <summary>
    /// How long the <see cref="AiProvider.Offline"/> provider takes per call (default none): a stand-in for a model's
    /// latency when measuring the job engine, as the scale-out test does.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan OfflineLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Settings of the <see cref="AiProvider.Bedrock"/> provider (<c>Ai:Bedrock:*</c>).</summary>
    public BedrockOptions Bedrock { get; set; } = new();

    /// <summary>Settings of the <see cref="AiProvider.OpenAI"/> provider (<c>Ai:OpenAI:*</c>).</summary>
    public OpenAiOptions OpenAI { get; set; } = new();
}
