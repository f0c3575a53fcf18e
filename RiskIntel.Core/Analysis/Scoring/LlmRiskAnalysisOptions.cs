using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>How much of the partner's documents the LLM engine sends, and how the model is asked.</summary>
public sealed class LlmRiskAnalysisOptions
{
    public const string SectionName = "Analysis:Llm";

    /// <summary>Estimated tokens of document text per request; longer documents are cut, keeping the gap evidence and each document's beginning.</summary>
    [Range(1_000, 500_000)]
    public int DocumentTokenBudget { get; set; } = 24_000;

    /// <summary>Sampling temperature; scoring should repeat, so low by default.</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; }

    /// <summary>Cap on the answer's length; null leaves the provider's default.</summary>
    [Range(1_000, 64_000)]
    public int? MaxOutputTokens { get; set; } = 16_000;
}
