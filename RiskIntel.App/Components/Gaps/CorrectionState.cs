namespace RiskIntel.App.Components.Gaps;

/// <summary>Where the analyst's correction of a field is on its way to the database.</summary>
public enum CorrectionState
{
    /// <summary>What the box shows is what is stored.</summary>
    Saved,

    /// <summary>Typed, waiting for a pause in typing.</summary>
    Pending,

    Saving,

    Failed,
}
