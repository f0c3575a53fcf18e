using System.Text.RegularExpressions;

namespace RiskIntel.Core.Documents.Parsing.Text;

/// <summary>Markdown ATX headings (<c># Title</c> … <c>###### Title</c>) outside fenced code blocks.</summary>
internal static partial class MarkdownOutline
{
    public static List<OutlineEntry> Read(IReadOnlyList<string> blocks, int[] pageOf)
    {
        var outline = new List<OutlineEntry>();
        var inFence = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            foreach (var line in blocks[i].Split('\n'))
            {
                if (Fence().IsMatch(line))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence && Heading().Match(line) is { Success: true } match)
                {
                    outline.Add(new OutlineEntry(match.Groups["text"].Value.Trim(), match.Groups["hashes"].Length, pageOf[i] + 1));
                }
            }
        }

        return outline;
    }

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ {0,3}(```|~~~)", RegexOptions.CultureInvariant)]
    private static partial Regex Fence();
}
