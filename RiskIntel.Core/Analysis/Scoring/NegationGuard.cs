using System.Buffers;
using System.Text.RegularExpressions;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Decides whether a match is negated ("no crop insurance", "accounts have not been audited by") or, for a
/// mitigant, only an intention ("we plan to install irrigation"). A negation cue counts among the few words
/// before the match in the same clause; an intention cue among the longer stretch of words before it in the
/// sentence, since plans reach across lists and "and" ("the centre will have a grading table, a cold room").
/// A budget line ("- Cold room (20 tonnes): KES 1.8 million") lists what the money will buy, so no mitigant
/// is taken from it. Works on normalised text (lower case, single spaces).
/// </summary>
internal sealed class NegationGuard(
    int windowWords,
    int intentionWindowWords,
    IReadOnlyList<string> cues,
    IReadOnlyList<string> intentionCues,
    IReadOnlyList<string> clauseBreaks,
    Regex? budgetLine)
{
    private static readonly SearchValues<char> ClausePunctuation = SearchValues.Create(",;:()\"");

    public int WindowWords => windowWords;

    public int IntentionWindowWords => intentionWindowWords;

    public IReadOnlyList<string> Cues => cues;

    public IReadOnlyList<string> IntentionCues => intentionCues;

    public IReadOnlyList<string> ClauseBreaks => clauseBreaks;

    public Regex? BudgetLine => budgetLine;

    public bool Blocks(string normalisedSentence, int matchIndex, bool mitigant)
    {
        if (mitigant && budgetLine is not null && budgetLine.IsMatch(normalisedSentence))
        {
            return true;
        }

        var before = normalisedSentence[..matchIndex];
        var clauseStart = before.AsSpan().LastIndexOfAny(ClausePunctuation) + 1;
        if (Contains(Window(before, WordClauseStart(before, clauseStart), windowWords), cues))
        {
            return true;
        }

        return mitigant && Contains(Window(before, 0, intentionWindowWords), intentionCues);
    }

    private int WordClauseStart(string before, int start)
    {
        foreach (var word in clauseBreaks)
        {
            var at = before.LastIndexOf($" {word} ", StringComparison.Ordinal);
            start = Math.Max(start, at < 0 ? 0 : at + word.Length + 1);
        }

        return start;
    }

    private static string Window(string before, int start, int words) =>
        " " + string.Join(' ', before[start..].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(words)) + " ";

    private static bool Contains(string window, IReadOnlyList<string> phrases) =>
        phrases.Any(p => window.Contains($" {p} ", StringComparison.Ordinal));
}
