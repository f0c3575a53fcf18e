using System.Text.RegularExpressions;
using RiskIntel.Core.Risk;
using static RiskIntel.Core.Analysis.Scoring.RiskRuleTableValidator;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>Checks one field's entry of the rule table: a known field, a baseline in range, bounded rules that compile.</summary>
internal static partial class SubcategoryValidator
{
    public static SubcategoryRules? Validate(
        SubcategoryRulesJson entry, double maxEffect, MissingPenalties? defaults, HashSet<string> ids, List<string> errors)
    {
        var field = entry.Field is null ? null : RiskTaxonomy.Find(entry.Field);
        if (field is null)
        {
            errors.Add($"unknown field '{entry.Field}'");
            return null;
        }

        var at = field.Key;
        Require(errors, entry.Baseline is >= 0 and <= 100, $"{at}: baseline {entry.Baseline} must be in [0, 100]");
        var missing = entry.Missing ?? defaults?.Missing ?? 0;
        var partial = entry.Partial ?? defaults?.Partial ?? 0;
        Require(errors, missing >= 0 && missing <= maxEffect && partial >= 0 && partial <= missing,
            $"{at}: missing-information penalties must satisfy 0 <= partial <= missing <= {maxEffect}");
        Require(errors, !string.IsNullOrWhiteSpace(entry.Request), $"{at}: request (what to ask for when the field is missing) is required");
        Require(errors, !string.IsNullOrWhiteSpace(entry.Mitigation), $"{at}: mitigation is required");
        Require(errors, entry.Rules is { Count: > 0 }, $"{at}: at least one rule is required");

        var rules = (entry.Rules ?? []).Select(r => ValidateRule(at, r, maxEffect, ids, errors)).OfType<RiskRule>().ToList();
        foreach (var rule in rules)
        {
            foreach (var opposite in rule.Opposes)
            {
                var other = rules.FirstOrDefault(r => r.Id == opposite);
                Require(errors, other is not null && other.RaisesRisk != rule.RaisesRisk,
                    $"{at}/{rule.Id}: opposes '{opposite}', which must be a rule of the same field with the opposite sign");
            }
        }

        return new SubcategoryRules(field, entry.Baseline, missing, partial, entry.Request?.Trim() ?? "", entry.Mitigation?.Trim() ?? "",
            WithSymmetricOpposition(rules));
    }

    private static RiskRule? ValidateRule(string at, RiskRuleJson rule, double maxEffect, HashSet<string> ids, List<string> errors)
    {
        var where = $"{at}/{rule.Id}";
        if (rule.Id is null || !RuleId().IsMatch(rule.Id))
        {
            errors.Add($"{where}: rule id must be lower-case words joined by hyphens");
            return null;
        }

        Require(errors, ids.Add(rule.Id), $"{where}: rule id is used twice in the table");
        Require(errors, rule.Effect != 0 && Math.Abs(rule.Effect) <= maxEffect, $"{where}: effect {rule.Effect} must be non-zero and within ±{maxEffect}");
        Require(errors, !string.IsNullOrWhiteSpace(rule.Description), $"{where}: description is required");
        var terms = (rule.Terms ?? []).Select(t => t.Trim()).ToList();
        var patterns = (rule.Patterns ?? []).ToList();
        Require(errors, terms.Count + patterns.Count > 0, $"{where}: needs at least one term or pattern");
        Require(errors, terms.All(t => t.Replace("*", "", StringComparison.Ordinal).Length >= 2), $"{where}: empty or one-letter term");
        if (rule.Effect > 0)
        {
            Require(errors, !string.IsNullOrWhiteSpace(rule.Mitigation), $"{where}: a risk rule needs a mitigation text");
            Require(errors, !string.IsNullOrWhiteSpace(rule.Recommendation), $"{where}: a risk rule needs a recommendation text");
        }

        foreach (var pattern in patterns)
        {
            Require(errors, !Escapes().Replace(pattern, "").Any(char.IsUpper),
                $"{where}: pattern '{pattern}' must be lower case, as it matches normalised (lower-case) text");
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{where}: pattern '{pattern}' does not compile: {ex.Message}");
                return null;
            }
        }

        return new RiskRule(rule.Id, rule.Effect, terms, patterns, rule.Opposes ?? [], rule.Description?.Trim() ?? "",
            rule.Mitigation?.Trim(), rule.Recommendation?.Trim(), RiskRule.Compile(terms, patterns));
    }

    private static List<RiskRule> WithSymmetricOpposition(List<RiskRule> rules) =>
        rules.Select(rule => rule with
        {
            Opposes = rule.Opposes.Concat(rules.Where(r => r.Opposes.Contains(rule.Id)).Select(r => r.Id)).Distinct().ToList(),
        }).ToList();

    [GeneratedRegex(@"\\[a-zA-Z](\{[^}]*\})?")]
    private static partial Regex Escapes();
}
