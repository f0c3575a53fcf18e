using System.Text.RegularExpressions;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>Checks a rule table as written and compiles it; collects every problem instead of stopping at the first.</summary>
internal static partial class RiskRuleTableValidator
{
    public static RiskRuleTable Validate(RiskRuleTableJson table)
    {
        var errors = new List<string>();
        Require(errors, !string.IsNullOrWhiteSpace(table.Version), "version is required");
        Require(errors, table.MaxRuleEffect is > 0 and <= 50, $"maxRuleEffect {table.MaxRuleEffect} must be in (0, 50]");
        var missing = ValidateMissing(table.MissingInformation, table.MaxRuleEffect, errors);
        var policy = ValidatePolicy(table.Recommendations, table.MaxRuleEffect, errors);
        var negation = ValidateNegation(table.Negation, errors);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var subcategories = new List<SubcategoryRules>();
        foreach (var entry in table.Subcategories ?? [])
        {
            var compiled = SubcategoryValidator.Validate(entry, table.MaxRuleEffect, missing, ids, errors);
            if (compiled is not null && subcategories.Any(s => s.Field.Key == compiled.Field.Key))
            {
                errors.Add($"{compiled.Field.Key}: listed twice");
            }
            else if (compiled is not null)
            {
                subcategories.Add(compiled);
            }
        }

        foreach (var field in RiskTaxonomy.Fields.Where(f => subcategories.All(s => s.Field.Key != f.Key)))
        {
            errors.Add($"{field.Key}: no rules for this field");
        }

        if (errors.Count > 0)
        {
            throw new RiskRuleTableException(errors);
        }

        var ordered = RiskTaxonomy.Fields.Select(f => subcategories.First(s => s.Field.Key == f.Key)).ToList();
        return new RiskRuleTable(table.Version!, table.MaxRuleEffect, missing!, policy!, negation!, ordered);
    }

    internal static void Require(List<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }

    private static MissingPenalties? ValidateMissing(MissingInformationJson? json, double max, List<string> errors)
    {
        if (json is null)
        {
            errors.Add("missingInformation is required");
            return null;
        }

        Require(errors, json.Missing >= 0 && json.Missing <= max, $"missingInformation.missing {json.Missing} must be in [0, {max}]");
        Require(errors, json.Partial >= 0 && json.Partial <= json.Missing, $"missingInformation.partial {json.Partial} must be in [0, missing]");
        return new MissingPenalties(json.Missing, json.Partial, json.WaivedByCorrection);
    }

    private static RecommendationPolicy? ValidatePolicy(RecommendationPolicyJson? json, double max, List<string> errors)
    {
        if (json is null)
        {
            errors.Add("recommendations is required");
            return null;
        }

        Require(errors, json.MediumAtEffect > 0 && json.MediumAtEffect <= json.HighAtEffect && json.HighAtEffect <= max,
            "recommendations: 0 < mediumAtEffect <= highAtEffect <= maxRuleEffect");
        Require(errors, json.MaxPerCategory is >= 1 and <= 10, "recommendations.maxPerCategory must be in [1, 10]");
        return new RecommendationPolicy(json.HighAtEffect, json.MediumAtEffect, json.MaxPerCategory,
            Priority(json.MissingMandatory, "missingMandatory", errors), Priority(json.PartialMandatory, "partialMandatory", errors),
            Priority(json.MissingOptional, "missingOptional", errors), Priority(json.PartialOptional, "partialOptional", errors));
    }

    private static RecommendationPriority Priority(string? value, string name, List<string> errors)
    {
        if (Enum.TryParse<RecommendationPriority>(value, ignoreCase: true, out var priority) && !int.TryParse(value, out _))
        {
            return priority;
        }

        errors.Add($"recommendations.{name} '{value}' must be HIGH, MEDIUM or LOW");
        return RecommendationPriority.Low;
    }

    private static NegationGuard? ValidateNegation(NegationJson? json, List<string> errors)
    {
        if (json is null)
        {
            errors.Add("negation is required");
            return null;
        }

        Require(errors, json.WindowWords is >= 1 and <= 12, "negation.windowWords must be in [1, 12]");
        Require(errors, json.IntentionWindowWords is >= 1 and <= 30, "negation.intentionWindowWords must be in [1, 30]");
        Require(errors, json.Cues is { Count: > 0 }, "negation.cues must list at least one cue");
        Regex? budgetLine = null;
        try
        {
            // Linear-time matching: a table pattern can never backtrack catastrophically, so no timeout (which fired on a loaded machine).
            budgetLine = string.IsNullOrEmpty(json.BudgetLinePattern) ? null
                : new Regex(json.BudgetLinePattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"negation.budgetLinePattern does not compile: {ex.Message}");
        }

        return new NegationGuard(json.WindowWords, json.IntentionWindowWords, Phrases(json.Cues), Phrases(json.IntentionCues),
            Phrases(json.ClauseBreaks), budgetLine);
    }

    private static List<string> Phrases(IReadOnlyList<string>? list) =>
        (list ?? []).Select(QuoteVerifier.Normalise).Where(p => p.Length > 0).ToList();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex RuleId();
}
