namespace RiskIntel.Core.Reports;

/// <summary>Which engine, model and prompt produced the analysis and the narrative texts (for the appendix).</summary>
public sealed record ReportProvenance(ReportStep Analysis, ReportStep Narrative);

/// <summary>One AI step: the engine (e.g. <c>bedrock</c>, <c>offline</c>), its model id, and the prompt version it ran.</summary>
public sealed record ReportStep(string Engine, string Model, PromptReference? Prompt);

/// <summary>A prompt by name and version, e.g. "Risk analysis" v4.</summary>
public sealed record PromptReference(string Name, int Version)
{
    public override string ToString() => $"{Name} v{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
