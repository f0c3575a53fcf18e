using System.Text.RegularExpressions;
using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>
/// Splits parsed pages into sentences, headings and table rows. Works on Markdown-like text and on text
/// extracted from PDF or DOCX: lines of a paragraph are joined (PDF line wraps), a short line without closing
/// punctuation that starts a paragraph is a heading, a line with pipes or wide column gaps is a table row.
/// </summary>
internal static partial class SentenceSegmenter
{
    private const int MaxHeadingWords = 12;
    private const int MaxHeadingLength = 90;

    public static IReadOnlyList<Sentence> Split(IReadOnlyList<DocumentText> documents)
    {
        var sentences = new List<Sentence>();
        foreach (var document in documents)
        {
            var state = new SegmenterState(document.DocumentId, sentences);
            foreach (var page in document.Pages.OrderBy(p => p.Page))
            {
                state.Page = page.Page;
                SplitPage(page.Text, state);
            }
        }

        return sentences;
    }

    private static void SplitPage(string text, SegmenterState state)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Replace('\f', '\n').Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i];
            var line = Collapse(raw);
            if (line.Length == 0)
            {
                state.EndBlock();
            }
            else if (IsTableLine(raw))
            {
                state.AddTableRow(line);
            }
            else if (line.StartsWith('#') || IsHeading(line, Next(lines, i), state.AtParagraphStart))
            {
                state.AddHeading(line);
            }
            else
            {
                state.AddLine(line, startsItem: ListMarker().IsMatch(line));
            }
        }

        state.EndBlock();
    }

    /// <summary>The sentences of a paragraph; a full stop after an abbreviation or an initial does not end one.</summary>
    public static IEnumerable<string> Sentences(string paragraph)
    {
        var start = 0;
        foreach (Match boundary in Boundary().Matches(paragraph))
        {
            if (!EndsWithAbbreviation(paragraph[start..boundary.Index]))
            {
                yield return paragraph[start..boundary.Index];
                start = boundary.Index + boundary.Length;
            }
        }

        yield return paragraph[start..];
    }

    private static bool EndsWithAbbreviation(string text)
    {
        var trimmed = text.TrimEnd('"', '\'', '”', '’', ')', ']');
        if (!trimmed.EndsWith('.'))
        {
            return false;
        }

        var word = trimmed[(trimmed.LastIndexOf(' ') + 1)..^1].TrimStart('(', '"', '“');
        return word.Length == 1 || word.Contains('.', StringComparison.Ordinal) || Abbreviations.Contains(word);
    }

    private static readonly HashSet<string> Abbreviations = new(
        ["mr", "mrs", "ms", "dr", "st", "no", "nos", "co", "ltd", "inc", "cap", "vs", "etc", "approx", "fig", "sr", "jr", "rs",
         "art", "sec", "dept", "govt", "prof", "eng", "hon", "sh", "ksh", "pp", "vol", "ref", "bs", "est", "max", "min"],
        StringComparer.OrdinalIgnoreCase);

    private static bool IsTableLine(string raw) =>
        raw.StartsWith('|') || raw.Count(c => c == '|') >= 2 || ColumnGap().IsMatch(raw);

    /// <summary>A short line without closing punctuation, at a paragraph start, followed by a new line of text or nothing.</summary>
    private static bool IsHeading(string line, string next, bool atParagraphStart) =>
        atParagraphStart
        && line.Length <= MaxHeadingLength
        && line.Split(' ').Length <= MaxHeadingWords
        && !".,;?!".Contains(line[^1], StringComparison.Ordinal)
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] == '*')
        && !ListMarker().IsMatch(line + " ")
        && (next.Length == 0 || char.IsUpper(next[0]) || char.IsDigit(next[0]) || "-•*|#".Contains(next[0], StringComparison.Ordinal));

    private static string Next(List<string> lines, int index) => index + 1 < lines.Count ? lines[index + 1] : "";

    private static string Collapse(string line) => Whitespace().Replace(line.Replace('\u00AD', ' '), " ").Trim();

    [GeneratedRegex(@"(?<=[.!?][""'”’)\]]*)\s+(?=[""'“‘(\[]?[\p{Lu}\p{N}₦₹$€£])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\S {3,}\S")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"^(?:[-*•–]\s|\d{1,2}[.)]\s+\p{Ll}|[a-z][.)]\s)")]
    private static partial Regex ListMarker();
}
