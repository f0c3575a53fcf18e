namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// Decides, for each of the 35 risk fields, whether the partner's documents cover it. Every engine's quotes go
/// through the same verification against the parsed text, so no engine can show a quote the documents lack.
/// </summary>
public interface IGapDetectionEngine
{
    /// <summary>The name recorded in the result: <c>offline</c> or <c>llm</c>.</summary>
    string Name { get; }

    /// <summary>Exactly 35 gaps in taxonomy order; an empty document set gives 35 MISSING fields.</summary>
    Task<GapDetectionOutcome> DetectAsync(GapDetectionRequest request, CancellationToken cancellationToken);
}
