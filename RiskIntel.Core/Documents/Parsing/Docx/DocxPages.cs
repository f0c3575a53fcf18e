using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Docx;

/// <summary>
/// The blocks (paragraphs, table rows) of a DOCX with the page each falls on, and the headings and tables that
/// point at blocks. Pages come from explicit breaks when the document has any, else from
/// <see cref="SyntheticPager"/>. A break on a page without text is ignored (Word writes both an explicit
/// break and a rendered-break mark at one spot).
/// </summary>
internal sealed class DocxPages(DocumentsOptions options)
{
    private readonly List<string> _blocks = [];
    private readonly List<int> _blockPage = [];
    private readonly List<(OutlineEntry Entry, int Block)> _headings = [];
    private readonly List<(string[][] Rows, int Block)> _tables = [];
    private int _page;
    private bool _pageHasText;
    private bool _hasBreaks;

    public int BlockCount => _blocks.Count;

    public void AddBlock(string text)
    {
        _blocks.Add(text);
        _blockPage.Add(_page);
        _pageHasText |= text.Trim().Length > 0;
    }

    /// <summary>A heading that is the next block to be added.</summary>
    public void AddHeading(string title, int level) => _headings.Add((new OutlineEntry(title, level, null), _blocks.Count));

    public void AddTable(string[][] rows, int firstBlock) => _tables.Add((rows, firstBlock));

    public void Break()
    {
        _hasBreaks = true;
        if (!_pageHasText)
        {
            return;
        }

        _page++;
        _pageHasText = false;
        if (_page >= options.MaxPages)
        {
            throw new InputValidationException($"the DOCX has more than {options.MaxPages} pages");
        }
    }

    public DocxBody Finish(CancellationToken cancellationToken)
    {
        var pageOf = _hasBreaks ? [.. _blockPage] : SyntheticPager.Assign(_blocks, options.WordsPerSyntheticPage, cancellationToken);
        var pages = SyntheticPager.Join(_blocks, pageOf, "\n");
        if (pages.Count > options.MaxPages)
        {
            throw new InputValidationException($"the DOCX has {pages.Count} pages; at most {options.MaxPages} are allowed");
        }

        int? PageOf(int block) => _blocks.Count == 0 ? null : pageOf[Math.Min(block, _blocks.Count - 1)] + 1;
        var outline = _headings.Select(h => h.Entry with { Page = PageOf(h.Block) }).ToList();
        var tables = _tables.Select(t => new ParsedTable(PageOf(t.Block), t.Rows)).ToList();
        return new DocxBody(pages, outline, tables);
    }
}
