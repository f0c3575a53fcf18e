using System.Text;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>
/// Greedy word wrapping by measured widths. Breaks only at spaces and hard line breaks; a word wider than the line
/// (a URL, a hash, a run-on token) is cut into pieces that fit, preferably after a separator such as '/' or '-'.
/// Text is shown literally: nothing in it is interpreted as markup.
/// </summary>
internal static class LineBreaker
{
    public static IReadOnlyList<TextLine> Break(IReadOnlyList<TextRun> runs, double maxWidth, TextMeasurer measurer)
    {
        var builder = new LineBuilder(Math.Max(maxWidth, 1), measurer);
        foreach (var run in runs)
        {
            var text = Normalise(run.Text);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = i == text.Length;
                if (!end && text[i] != ' ' && text[i] != '\n')
                {
                    continue;
                }

                if (i > start)
                {
                    builder.Word(text[start..i], run.Style);
                }

                if (!end)
                {
                    builder.Separator(text[i] == '\n', run.Style);
                }

                start = i + 1;
            }
        }

        return builder.Finish();
    }

    // Tabs become spaces and other control characters are dropped: they have no glyphs and would only show as boxes.
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
