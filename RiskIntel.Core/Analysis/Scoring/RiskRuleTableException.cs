namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>The rule table breaks its own rules (unknown field, effect out of bounds, bad pattern…); every problem is listed.</summary>
internal sealed class RiskRuleTableException(IReadOnlyList<string> errors)
    : Exception("The risk rule table is invalid:\n- " + string.Join("\n- ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
