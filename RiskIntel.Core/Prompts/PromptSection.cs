namespace RiskIntel.Core.Prompts;

/// <summary>The AI step of the pipeline a prompt drives; each step runs the one active prompt of its section.</summary>
public enum PromptSection
{
    Parser,
    GapDetection,
    RiskAnalysis,
    ReportGeneration,
}
