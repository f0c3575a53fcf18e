using System.Text;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>
/// Reads the small Markdown subset the samples use: ATX headings, paragraphs (consecutive lines), bullet lists
/// (lines starting <c>- </c> or <c>* </c>), pipe tables (the <c>|---|</c> separator row is dropped) and page breaks written as a line <c>\pagebreak</c>, a line
/// <c>&lt;!-- page --&gt;</c> (the form the plans in <c>samples/</c> use) or a form feed. Writes a
/// <see cref="SampleDocument"/> back as Markdown or plain text.
/// </summary>
public static class SampleMarkdown
{
    public static SampleDocument Parse(string markdown, string title, string? author = null)
    {
        var blocks = new List<SampleBlock>();
        var paragraph = new List<string>();
        var table = new List<string[]>();
        var list = new List<string>();
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                FlushTable();
            }

            var isItem = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if (!isItem)
            {
                FlushList();
            }

            if (line is "\\pagebreak" or "<!-- page -->" || raw.Contains('\f', StringComparison.Ordinal))
            {
                FlushParagraph();
                blocks.Add(new SamplePageBreak());
            }
            else if (line.Length == 0)
            {
                FlushParagraph();
            }
            else if (line.StartsWith('#'))
            {
                FlushParagraph();
                var level = line.TakeWhile(c => c == '#').Count();
                blocks.Add(new SampleHeading(level, line[level..].Trim()));
            }
            else if (isItem)
            {
                FlushParagraph();
                list.Add(line[2..].Trim());
            }
            else if (line.StartsWith('|'))
            {
                FlushParagraph();
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (!cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
                {
                    table.Add(cells);
                }
            }
            else
            {
                paragraph.Add(line);
            }
        }

        FlushParagraph();
        FlushTable();
        FlushList();
        return new SampleDocument(title, author, blocks);

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new SampleParagraph(string.Join(' ', paragraph)));
                paragraph.Clear();
            }
        }

        void FlushList()
        {
            if (list.Count > 0)
            {
                blocks.Add(new SampleList([.. list]));
                list.Clear();
            }
        }

        void FlushTable()
        {
            if (table.Count > 0)
            {
                blocks.Add(new SampleTable([.. table]));
                table.Clear();
            }
        }
    }

    public static string ToMarkdown(SampleDocument document) => Write(document, markdown: true);

    /// <summary>Plain text: headings as lines, tables as tab-separated rows, page breaks as form feeds.</summary>
    public static string ToText(SampleDocument document) => Write(document, markdown: false);

    private static string Write(SampleDocument document, bool markdown)
    {
        var builder = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case SampleHeading h:
                    builder.Append(markdown ? new string('#', h.Level) + " " : "").Append(h.Text).Append("\n\n");
                    break;
                case SampleParagraph p:
                    builder.Append(p.Text).Append("\n\n");
                    break;
                case SampleTable t when markdown:
                    builder.Append("| ").AppendJoin(" | ", t.Rows[0]).Append(" |\n|").AppendJoin("|", t.Rows[0].Select(_ => "---")).Append("|\n");
                    foreach (var row in t.Rows.Skip(1))
                    {
                        builder.Append("| ").AppendJoin(" | ", row).Append(" |\n");
                    }

                    builder.Append('\n');
                    break;
                case SampleTable t:
                    foreach (var row in t.Rows)
                    {
                        builder.AppendJoin('\t', row).Append('\n');
                    }

                    builder.Append('\n');
                    break;
                case SampleList l:
                    foreach (var item in l.Items)
                    {
                        builder.Append(markdown ? "- " : "• ").Append(item).Append('\n');
                    }

                    builder.Append('\n');
                    break;
                case SamplePageBreak:
                    builder.Append("\f\n");
                    break;
            }
        }

        return builder.ToString();
    }
}
