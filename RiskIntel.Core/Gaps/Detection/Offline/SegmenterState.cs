using System.Text.RegularExpressions;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>What the segmenter carries from line to line: the open paragraph, the current heading and table.</summary>
internal sealed partial class SegmenterState(Guid documentId, List<Sentence> sentences)
{
    private readonly List<string> _paragraph = [];
    private string? _heading;
    private string? _tableHeader;

    public int Page { get; set; }

    /// <summary>True when the next line would begin a paragraph: none is open, or the open one ended a sentence.</summary>
    public bool AtParagraphStart => _paragraph.Count == 0 || ".!?:\"”)".Contains(_paragraph[^1][^1], StringComparison.Ordinal);

    public void AddLine(string line, bool startsItem)
    {
        if (startsItem || (AtParagraphStart && _paragraph.Count > 0 && LooksLikeNewParagraph(line)))
        {
            FlushParagraph();
        }

        _tableHeader = null;
        _paragraph.Add(line);
    }

    public void AddHeading(string line)
    {
        EndBlock();
        var text = line.TrimStart('#').Trim().Trim('*').Trim();
        _heading = text;
        Add(text, SentenceKind.Heading, null);
    }

    public void AddTableRow(string line)
    {
        FlushParagraph();
        if (Separator().IsMatch(line))
        {
            return;
        }

        var row = line.Trim('|', ' ');
        _tableHeader ??= row;
        Add(row, SentenceKind.TableRow, _tableHeader);
    }

    public void EndBlock()
    {
        FlushParagraph();
        _tableHeader = null;
    }

    private void FlushParagraph()
    {
        if (_paragraph.Count == 0)
        {
            return;
        }

        foreach (var sentence in SentenceSegmenter.Sentences(string.Join(' ', _paragraph)))
        {
            var text = sentence.Trim().TrimStart('-', '*', '•', '–', ' ');
            if (text.Length > 0)
            {
                Add(text, SentenceKind.Prose, null);
            }
        }

        _paragraph.Clear();
    }

    private void Add(string text, SentenceKind kind, string? tableHeader) =>
        sentences.Add(new Sentence(text, Page, documentId, kind, kind == SentenceKind.Heading ? null : _heading, tableHeader, sentences.Count));

    /// <summary>DOCX text has one paragraph per line; a line that starts a new one does not continue the last.</summary>
    private static bool LooksLikeNewParagraph(string line) => char.IsUpper(line[0]) || char.IsDigit(line[0]);

    [GeneratedRegex(@"^\|?[\s:|-]+\|?$")]
    private static partial Regex Separator();
}
