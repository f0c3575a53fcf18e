using System.Text;

namespace RiskIntel.App.Components.Gaps;

/// <summary>A run of page text, marked when it is part of an evidence quote.</summary>
public sealed record TextSegment(string Text, bool Marked);

/// <summary>
/// Finds evidence quotes in a page's text the way <see cref="Core.Documents.QuoteVerifier"/> verified them —
/// ignoring case, runs of whitespace and typographic quote or dash variants — and splits the original text into
/// marked and unmarked runs, so the page shows exactly as parsed with the quoted passage highlighted.
/// </summary>
public static class EvidenceHighlighter
{
    public static IReadOnlyList<TextSegment> Highlight(string text, IEnumerable<string> quotes)
    {
        var (normalised, origin) = Normalise(text);
        var ranges = new List<(int Start, int End)>();
        foreach (var quote in quotes)
        {
            var needle = Normalise(quote).Text;
            if (needle.Length == 0)
            {
                continue;
            }

            for (var at = normalised.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                ranges.Add((origin[at], origin[at + needle.Length - 1] + 1));
            }
        }

        return Split(text, Merge(ranges));
    }

    /// <summary>The verifier's normal form, and for each of its characters the index of the original one it came from.</summary>
    internal static (string Text, List<int> Origin) Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var raw = text[i];
            if (char.IsWhiteSpace(raw) || raw == '\u00AD')
            {
                pendingSpace = builder.Length > 0 && pendingSpace < 0 ? i : pendingSpace;
                continue;
            }

            if (pendingSpace >= 0)
            {
                builder.Append(' ');
                origin.Add(pendingSpace);
                pendingSpace = -1;
            }

            builder.Append(Fold(raw));
            origin.Add(i);
        }

        return (builder.ToString(), origin);
    }

    // Mirrors QuoteVerifier.Normalise, character for character (a test holds the two together).
    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        _ => char.ToLowerInvariant(c),
    };

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static List<TextSegment> Split(string text, List<(int Start, int End)> ranges)
    {
        var segments = new List<TextSegment>(ranges.Count * 2 + 1);
        var position = 0;
        foreach (var (start, end) in ranges)
        {
            if (start > position)
            {
                segments.Add(new TextSegment(text[position..start], false));
            }

            segments.Add(new TextSegment(text[start..end], true));
            position = end;
        }

        if (position < text.Length || segments.Count == 0)
        {
            segments.Add(new TextSegment(text[position..], false));
        }

        return segments;
    }
}
