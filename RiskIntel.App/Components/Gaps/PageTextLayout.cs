using System.Text.RegularExpressions;

namespace RiskIntel.App.Components.Gaps;

/// <summary>
/// How a page's text reads on screen. Text from a PDF keeps the line breaks of the printed page, which wrap
/// raggedly in a narrow column: a single break after a full-width line is shown as a space (the paragraph runs
/// on), while short lines — headings, table rows, a paragraph's last line — keep theirs. Each break becomes one
/// character, so the text keeps its length and the quotes are found exactly as in the parsed text.
/// </summary>
public static partial class PageTextLayout
{
    private const double FullWidth = 0.6;
    private const int MinimumLine = 40;

    public static string Reflow(string text)
    {
        var lines = text.Split('\n');
        var longest = lines.Max(l => l.TrimEnd().Length);
        if (longest < MinimumLine)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var position = 0;
        for (var i = 0; i < lines.Length - 1; i++)
        {
            position += lines[i].Length;
            var next = lines[i + 1];
            if (lines[i].Trim().Length >= longest * FullWidth && next.Trim().Length > 0 && !BlockStart().IsMatch(next))
            {
                chars[position] = ' ';
                if (position > 0 && chars[position - 1] == '\r')
                {
                    chars[position - 1] = ' ';
                }
            }

            position++;
        }

        return new string(chars);
    }

    // Bullets, table rows and numbered items begin a line of their own.
    [GeneratedRegex(@"^\s*([•\-*|▪◦]|\d{1,2}[.)]\s)")]
    private static partial Regex BlockStart();
}
