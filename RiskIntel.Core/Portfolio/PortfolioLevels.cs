using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Portfolio;

/// <summary>The level filter as a URL writes it: <c>HIGH,CRITICAL</c>, ignoring case and spaces.</summary>
public static class PortfolioLevels
{
    /// <summary>Blank is "every level" (empty) and succeeds; one unknown name fails the whole list.</summary>
    public static bool TryParse(string? text, out IReadOnlySet<RiskLevel> levels)
    {
        var parsed = new HashSet<RiskLevel>();
        levels = parsed;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var level = Enum.GetValues<RiskLevel>().Cast<RiskLevel?>()
                .FirstOrDefault(l => string.Equals(RiskLevels.Name(l!.Value), part, StringComparison.OrdinalIgnoreCase));
            if (level is null)
            {
                return false;
            }

            parsed.Add(level.Value);
        }

        return true;
    }

    /// <summary>In band order, so the same filter always makes the same URL; null when empty.</summary>
    public static string? Format(IEnumerable<RiskLevel> levels) =>
        levels.Distinct().Order().Select(RiskLevels.Name).ToList() is { Count: > 0 } names ? string.Join(',', names) : null;
}
