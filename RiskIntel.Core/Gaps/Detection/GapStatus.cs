namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// How well the documents cover a field, weakest first so that statuses compare: <c>MISSING</c> (nothing
/// relevant), <c>PARTIAL</c> (mentioned without enough detail), <c>VERIFIED</c> (stated with specific evidence).
/// </summary>
public enum GapStatus
{
    Missing,
    Partial,
    Verified,
}
