namespace RiskIntel.Core.Assessments;

/// <summary>Where an assessment is in the pipeline (SPEC §8).</summary>
public enum AssessmentStatus
{
    /// <summary>Created; no document has been analysed yet.</summary>
    Draft,

    /// <summary>A document is being parsed, gaps detected, or risk scored.</summary>
    Analyzing,

    /// <summary>Gaps are ready for the analyst's review and corrections.</summary>
    ActionRequired,

    /// <summary>Scored: an analysis version exists.</summary>
    Complete,

    /// <summary>A step failed for good; <see cref="Assessment.StatusMessage"/> says why.</summary>
    Failed,
}
