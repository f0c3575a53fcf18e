using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Gaps.Detection;

/// <summary>How the LLM gap-detection engine talks to the model (section <c>GapDetection</c>).</summary>
public sealed class GapDetectionOptions
{
    public const string SectionName = "GapDetection";

    /// <summary>
    /// Largest prompt of one model call, in estimated tokens (about four characters each). A document that does
    /// not fit with the prompt is sent in parts, and the answers are merged per field.
    /// </summary>
    [Range(2_000, 2_000_000)]
    public int MaxInputTokensPerCall { get; set; } = 24_000;

    /// <summary>Room for the answer: 35 fields with quotes need a few thousand tokens.</summary>
    [Range(256, 200_000)]
    public int MaxOutputTokens { get; set; } = 8_000;

    /// <summary>Sampling temperature; null leaves it to the model (some reasoning models reject it).</summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; } = 0;
}
