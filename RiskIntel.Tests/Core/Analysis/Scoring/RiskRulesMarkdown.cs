using System.Globalization;
using System.Text;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

/// <summary>docs/risk-rules.md written from the rule table, so the document cannot drift from what the engine applies.</summary>
internal static class RiskRulesMarkdown
{
    public static string Render(RiskRuleTable table)
    {
        var md = new StringBuilder();
        var rules = table.Subcategories.SelectMany(s => s.Rules).ToList();
        Line(md, "# Risk rules of the offline engine");
        Line(md);
        Line(md, "<!-- Generated from RiskIntel.Core/Analysis/Scoring/risk-rules.json by RiskRulesDocumentTests. Edit the JSON, then run");
        Line(md, "     `RISKINTEL_UPDATE_DOCS=1 dotnet test --filter FullyQualifiedName~RiskRulesDocumentTests` to rewrite this file. -->");
        Line(md);
        Line(md, $"Rule table version `{table.Version}`: {rules.Count} rules ({rules.Count(r => r.RaisesRisk)} risk indicators, "
            + $"{rules.Count(r => !r.RaisesRisk)} mitigants) over the 35 fields. The `offline-rules` engine applies them; "
            + "the same documents and gap review always give the same analysis.");
        Method(md, table);
        Summary(md, table);
        foreach (var category in RiskTaxonomy.Categories)
        {
            Line(md);
            Line(md, $"## {category.Label} (`{category.Key}`)");
            foreach (var field in category.Fields)
            {
                Subcategory(md, table.For(field.Key));
            }
        }

        return md.ToString();
    }

    private static void Method(StringBuilder md, RiskRuleTable table)
    {
        var n = table.Negation;
        var p = table.Recommendations;
        Line(md);
        Line(md, "## How a score is computed");
        Line(md);
        Line(md, "- Every field starts at its **baseline** (the typical risk of that field for an agricultural partner).");
        Line(md, $"- **Missing information** raises it: a field the gap review marked `MISSING` adds {P(table.Missing.Missing)} points, `PARTIAL` "
            + $"{P(table.Missing.Partial)} (unless the field says otherwise below). "
            + (table.Missing.WaivedByCorrection ? "A field with an analyst's correction counts as informed: no penalty." : "A correction does not waive the penalty."));
        Line(md, "- Each **rule** that fires adds its effect once: positive for a risk indicator, negative for a mitigant "
            + $"(at most ±{P(table.MaxRuleEffect)}). A rule fires at the first sentence that matches one of its terms (whole words, `*` ends a "
            + "stem) or patterns (regular expressions on lower-case text). The analyst's correction is searched first, then the "
            + "sentences holding the field's gap evidence, then the documents in order. Headings are not quoted.");
        Line(md, $"- A match does not count when one of these words stands among the {n.WindowWords} words before it in the same clause "
            + $"(a clause ends at punctuation or at {Quoted(n.ClauseBreaks)}): {Quoted(n.Cues)}.");
        Line(md, $"- A mitigant does not count when it is only intended: one of {Quoted(n.IntentionCues)} among the {n.IntentionWindowWords} "
            + "words before it, or a budget line (a list item with an amount of money) that lists what the money will buy.");
        Line(md, "- When a rule fires on the analyst's correction, the rules it **opposes** (e.g. *no insurance* against *crop insurance*) "
            + "no longer count from the documents; they stay listed as drivers with effect 0.");
        Line(md, "- The field's score is baseline + penalty + effects, held to 0–100. Every step is a driver, so the drivers add up to the score. "
            + "Each driver carries the verbatim quote (with page and document) or the correction that triggered it.");
        Line(md, "- A category's score is the mean of its 5 field scores, the overall score the mean of the 7 category scores, each rounded "
            + "to one decimal. Levels: LOW 0–24, MODERATE 25–49, HIGH 50–74, CRITICAL 75–100.");
        Line(md, $"- **Recommendations** come from the risk rules that fired (HIGH from effect {P(p.HighAtEffect)}, MEDIUM from "
            + $"{P(p.MediumAtEffect)}, else LOW) and from missing information (mandatory field missing: {U(p.MissingMandatory)}, partial: "
            + $"{U(p.PartialMandatory)}; optional field missing: {U(p.MissingOptional)}, partial: {U(p.PartialOptional)}), highest priority "
            + $"first, at most {p.MaxPerCategory} per category. Ids are `CATEGORY.rule-id` or `CATEGORY.missing-field`, stable across versions.");
    }

    private static void Summary(StringBuilder md, RiskRuleTable table)
    {
        Line(md);
        Line(md, "## Rules per category");
        Line(md);
        Line(md, "| Category | Risk indicators | Mitigants | Rules |");
        Line(md, "|---|---:|---:|---:|");
        foreach (var category in RiskTaxonomy.Categories)
        {
            var rules = category.Fields.SelectMany(f => table.For(f.Key).Rules).ToList();
            Line(md, $"| {category.Label} | {rules.Count(r => r.RaisesRisk)} | {rules.Count(r => !r.RaisesRisk)} | {rules.Count} |");
        }
    }

    private static void Subcategory(StringBuilder md, SubcategoryRules s)
    {
        Line(md);
        Line(md, $"### {s.Field.Label} (`{s.Field.Key}`)");
        Line(md);
        Line(md, $"Baseline **{P(s.Baseline)}** · missing +{P(s.MissingPenalty)} · partial +{P(s.PartialPenalty)}. "
            + $"When missing: {s.Request} Otherwise: {s.Mitigation}");
        Line(md);
        Line(md, "| Rule | Effect | Triggers | Description | Mitigation / recommendation |");
        Line(md, "|---|---:|---|---|---|");
        foreach (var rule in s.Rules)
        {
            var triggers = string.Join(", ", rule.Terms.Select(t => $"“{t}”").Concat(rule.Patterns.Select(p => $"`{p}`")));
            var action = rule.Recommendation is null ? rule.Mitigation : $"{rule.Mitigation} **Recommend:** {rule.Recommendation}";
            var opposes = rule.Opposes.Count == 0 ? "" : $" (opposes {string.Join(", ", rule.Opposes.Select(o => $"`{o}`"))})";
            Line(md, $"| `{rule.Id}`{opposes} | {(rule.Effect > 0 ? "+" : "−")}{P(Math.Abs(rule.Effect))} | {Cell(triggers)} | {Cell(rule.Description)} | {Cell(action ?? "")} |");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Quoted(IReadOnlyList<string> words) => string.Join(", ", words.Select(w => $"“{w}”"));

    private static string P(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string U(RiskIntel.Core.Analysis.RecommendationPriority priority) => priority.ToString().ToUpperInvariant();

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
