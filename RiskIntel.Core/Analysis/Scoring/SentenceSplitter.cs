using System.Text;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Cuts parsed page text into sentences that can be quoted verbatim: whitespace runs become one space (so the
/// normalised form lines up character for character with the sentence), headings and list items stand alone.
/// </summary>
internal static class SentenceSplitter
{
    private const int HeadingLength = 60;
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "mr.", "mrs.", "ms.", "dr.", "no.", "st.", "ltd.", "co.", "approx.", "vs.", "inc.", "p.", "cap.", "art.", "sec.", "fig."];

    public static IEnumerable<string> Split(string text)
    {
        foreach (var block in Blocks(text))
        {
            foreach (var sentence in Sentences(Collapse(block)))
            {
                yield return sentence;
            }
        }
    }

    /// <summary>Whitespace (and soft hyphens, as <see cref="Documents.QuoteVerifier.Normalise"/> treats them) collapsed to single spaces.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || c == '\u00AD';
            if (!space)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static IEnumerable<string> Blocks(string text)
    {
        var current = new StringBuilder();
        string? previous = null;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var breaks = line.Length == 0 || IsListItem(line)
                || (previous is not null && previous.Length < HeadingLength && !previous.EndsWith(',') && !previous.EndsWith('-'));
            if (breaks && current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (line.Length > 0)
            {
                current.Append(line).Append(' ');
            }

            previous = line.Length == 0 ? null : line;
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>A heading or title line: short, no closing punctuation, no "label: value". Too thin to quote as evidence.</summary>
    public static bool IsHeading(string sentence) =>
        sentence.Length < 70
        && !IsListItem(sentence)
        && sentence[^1] is not ('.' or '!' or '?' or ';' or ')' or '%')
        && !sentence.Contains(':', StringComparison.Ordinal)
        && sentence.Split(' ').Length <= 10;

    private static bool IsListItem(string line) =>
        line[0] is '-' or '•' or '*' or '▪' or '●' or '–'
        || (line.Length > 2 && char.IsDigit(line[0]) && (line[1] is '.' or ')') && line[2] == ' ');

    private static IEnumerable<string> Sentences(string block)
    {
        var start = 0;
        for (var i = 0; i < block.Length - 2; i++)
        {
            if (block[i] is '.' or '!' or '?' && block[i + 1] == ' ' && StartsSentence(block[i + 2]) && !IsAbbreviation(block, i))
            {
                yield return block[start..(i + 1)];
                start = i + 2;
            }
        }

        if (start < block.Length)
        {
            yield return block[start..];
        }
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '(' or '\'';

    private static bool IsAbbreviation(string block, int dot)
    {
        var wordStart = block.LastIndexOf(' ', dot) + 1;
        var word = block[wordStart..(dot + 1)].TrimStart('(', '"', '\'', '[').ToLowerInvariant();
        var numbering = wordStart == 0 && word.Length <= 4 && word[..^1].All(c => char.IsDigit(c) || c == '.');
        return numbering || Abbreviations.Contains(word) || (word.Length == 2 && char.IsLetter(word[0]));
    }
}
