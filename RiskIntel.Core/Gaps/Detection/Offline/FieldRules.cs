using System.Text.RegularExpressions;

namespace RiskIntel.Core.Gaps.Detection.Offline;

internal enum TermKind
{
    /// <summary>Counts only under a heading that names the field.</summary>
    Weak,

    /// <summary>A mention of the field's topic.</summary>
    Topic,

    /// <summary>A mention that names a practice, instrument or document: specific evidence by itself.</summary>
    Specific,
}

internal sealed record CompiledTerm(string Text, TermKind Kind, Regex Pattern);

internal sealed record TermHit(CompiledTerm Term, int Start, int End, bool Negated);

/// <summary>One field's compiled lexicon: its terms, the phrases masked before matching, and what counts as a figure.</summary>
internal sealed class FieldRules(
    string field, IReadOnlyList<CompiledTerm> terms, Regex? exclude, IReadOnlySet<string> figureKinds, bool needsFigure)
{
    public string Field { get; } = field;

    public IReadOnlySet<string> FigureKinds { get; } = figureKinds;

    public bool NeedsFigure { get; } = needsFigure;

    /// <summary>Every term occurrence in the text, one per term (its first), with excluded phrases blanked out first.</summary>
    public List<TermHit> Match(string text, NegationDetector negation)
    {
        var masked = exclude is null ? text : exclude.Replace(text, m => new string(' ', m.Length));
        var hits = new List<TermHit>();
        foreach (var term in terms)
        {
            var match = term.Pattern.Match(masked);
            if (match.Success && !hits.Exists(h => Overlaps(h, match) && h.Term.Text.Length >= match.Length))
            {
                hits.RemoveAll(h => Overlaps(h, match));
                hits.Add(new TermHit(term, match.Index, match.Index + match.Length, negation.IsNegated(masked, match.Index, match.Index + match.Length)));
            }
        }

        return hits;
    }

    /// <summary>Whether a heading names this field with one of its topic or specific terms.</summary>
    public bool IsNamedBy(string? heading)
    {
        if (string.IsNullOrEmpty(heading))
        {
            return false;
        }

        var masked = exclude is null ? heading : exclude.Replace(heading, " ");
        return terms.Any(t => t.Kind != TermKind.Weak && t.Pattern.IsMatch(masked));
    }

    private static bool Overlaps(TermHit hit, Match match) => hit.Start < match.Index + match.Length && match.Index < hit.End;
}
