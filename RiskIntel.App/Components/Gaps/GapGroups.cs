using RiskIntel.Core.Gaps;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Risk;

namespace RiskIntel.App.Components.Gaps;

/// <summary>The gap fields of one of the 7 categories, in taxonomy order, with the counts its header shows.</summary>
public sealed record GapCategoryGroup(string Key, string Label, IReadOnlyList<GapFieldDto> Fields)
{
    public int Verified => Fields.Count(f => f.Status == GapStatus.Verified);

    public int Partial => Fields.Count(f => f.Status == GapStatus.Partial);

    public int Missing => Fields.Count(f => f.Status == GapStatus.Missing);

    public int Corrected => Fields.Count(f => !string.IsNullOrWhiteSpace(f.Correction));

    /// <summary>Required fields neither verified nor corrected: what blocks the submission.</summary>
    public int OpenRequired => Fields.Count(GapGroups.IsOpenRequired);
}

public static class GapGroups
{
    /// <summary>Groups by the taxonomy's categories, in its order; fields of a category it does not know come last.</summary>
    public static IReadOnlyList<GapCategoryGroup> Group(IEnumerable<GapFieldDto> fields)
    {
        var order = RiskTaxonomy.Fields.Select((f, i) => (f.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var byCategory = fields.GroupBy(f => f.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<GapFieldDto>)[.. g.OrderBy(f => order.GetValueOrDefault(f.Field, int.MaxValue))], StringComparer.Ordinal);
        var groups = new List<GapCategoryGroup>(byCategory.Count);
        foreach (var category in RiskTaxonomy.Categories)
        {
            if (byCategory.Remove(category.Key, out var members))
            {
                groups.Add(new GapCategoryGroup(category.Key, category.Label, members));
            }
        }

        groups.AddRange(byCategory.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GapCategoryGroup(g.Key, g.Key, g.Value)));
        return groups;
    }

    /// <summary>The same rule the server applies on submit: required and neither VERIFIED nor corrected.</summary>
    public static bool IsOpenRequired(GapFieldDto field) =>
        field.IsMandatory && field.Status != GapStatus.Verified && string.IsNullOrWhiteSpace(field.Correction);

    /// <summary>"Financial · Cost structure" for a field key, for the list of what is missing.</summary>
    public static string Describe(string fieldKey) => RiskTaxonomy.Find(fieldKey) is { } field
        ? $"{RiskTaxonomy.FindCategory(field.Category)?.Label ?? field.Category} · {field.Label}"
        : fieldKey;
}
