using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Docx;

/// <summary>
/// Streams document.xml once, forward only. Paragraphs become blocks of text in order; a table row becomes
/// one block of tab-separated cells and the table is also kept as rows. Pages follow explicit breaks
/// (<c>w:br w:type="page"</c>, <c>w:pageBreakBefore</c>) and Word's <c>w:lastRenderedPageBreak</c> marks; a
/// break inside a table takes effect after the row. Breaks that would leave a page empty are ignored (Word
/// writes both kinds at one spot). Without any break, <see cref="SyntheticPager"/> cuts pages at paragraph
/// ends. Deleted revisions, field codes and <c>mc:Fallback</c> copies are skipped.
/// </summary>
internal sealed class DocxBodyReader(DocxStyles styles, DocumentsOptions options)
{
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private readonly DocxPages _pages = new(options);
    private readonly StringBuilder _paragraph = new();
    private readonly StringBuilder _cell = new();
    private List<string[]> _rows = [];
    private List<string> _row = [];
    private bool _pendingBreak;
    private int _tableDepth;
    private int _paragraphDepth;
    private int _runDepth;
    private int _firstRowBlock;
    private string? _styleId;
    private int? _outlineLevel;
    private long _characters;

    public DocxBody Read(MainDocumentPart part, CancellationToken cancellationToken)
    {
        using var reader = OpenXmlReader.Create(part);
        long elements = 0;
        var hasNode = reader.Read();
        while (hasNode)
        {
            if (reader.IsStartElement)
            {
                if (++elements > options.MaxXmlElements)
                {
                    throw new InputValidationException($"the DOCX has more than {options.MaxXmlElements} XML elements");
                }

                if ((elements & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (IsSkipped(reader))
                {
                    // Skip() leaves the reader on the next sibling, which must be handled without another Read().
                    reader.Skip();
                    hasNode = !reader.EOF;
                    continue;
                }

                Start(reader);
            }
            else if (reader.IsEndElement)
            {
                End(reader.LocalName);
            }

            hasNode = reader.Read();
        }

        return _pages.Finish(cancellationToken);
    }

    private static bool IsSkipped(OpenXmlReader reader) =>
        reader.LocalName is "delText" or "instrText" or "rPr"
        || (reader.LocalName == "Fallback" && reader.NamespaceUri == MarkupCompatibility);

    private void Start(OpenXmlReader reader)
    {
        switch (reader.LocalName)
        {
            case "tbl":
                if (++_tableDepth == 1)
                {
                    _rows = [];
                    _firstRowBlock = _pages.BlockCount;
                }

                break;
            case "tr" when _tableDepth == 1:
                _row = [];
                break;
            case "tc" when _tableDepth == 1:
                _cell.Clear();
                break;
            case "p":
                if (++_paragraphDepth == 1)
                {
                    _paragraph.Clear();
                    (_styleId, _outlineLevel) = (null, null);
                }
                else
                {
                    _paragraph.Append(' ');
                }

                break;
            case "r":
                _runDepth++;
                break;
            case "pStyle" when _paragraphDepth == 1:
                _styleId = DocxStyles.Attribute(reader, "val");
                break;
            case "outlineLvl" when _paragraphDepth == 1:
                _outlineLevel = DocxStyles.ParseLevel(DocxStyles.Attribute(reader, "val"));
                break;
            case "pageBreakBefore" when DocxStyles.Attribute(reader, "val") is null or "1" or "true" or "on":
            case "lastRenderedPageBreak":
                BreakPage();
                break;
            case "br":
                if (DocxStyles.Attribute(reader, "type") == "page")
                {
                    BreakPage();
                }
                else
                {
                    Append("\n");
                }

                break;
            case "t" when _runDepth > 0:
                Append(reader.GetText());
                break;
            case "tab" when _runDepth > 0:
                Append("\t");
                break;
            case "cr" when _runDepth > 0:
                Append("\n");
                break;
            case "noBreakHyphen":
                Append("-");
                break;
        }
    }

    private void End(string localName)
    {
        switch (localName)
        {
            case "r":
                _runDepth--;
                break;
            case "p" when --_paragraphDepth == 0:
                EndParagraph();
                break;
            case "tc" when _tableDepth == 1:
                _row.Add(_cell.ToString().Trim());
                break;
            case "tr" when _tableDepth == 1:
                _rows.Add([.. _row]);
                _pages.AddBlock(string.Join('\t', _row));
                if (_pendingBreak)
                {
                    _pendingBreak = false;
                    _pages.Break();
                }

                break;
            case "tbl" when --_tableDepth == 0 && _rows.Count > 0:
                _pages.AddTable([.. _rows], _firstRowBlock);
                break;
        }
    }

    private void EndParagraph()
    {
        var text = _paragraph.ToString();
        _paragraph.Clear();
        if (_tableDepth > 0)
        {
            _cell.Append(_cell.Length > 0 ? " " : "").Append(text.Trim());
            return;
        }

        if ((_outlineLevel ?? styles.HeadingLevel(_styleId)) is { } level && text.Trim().Length > 0)
        {
            _pages.AddHeading(text.Trim(), level);
        }

        _pages.AddBlock(text);
    }

    private void Append(string text)
    {
        _characters += text.Length;
        if (_characters > options.MaxTextCharacters)
        {
            throw new InputValidationException($"the DOCX has more than {options.MaxTextCharacters} characters of text");
        }

        _paragraph.Append(text);
    }

    private void BreakPage()
    {
        if (_tableDepth > 0)
        {
            _pendingBreak = true;
            return;
        }

        if (_paragraphDepth > 0 && _paragraph.Length > 0)
        {
            _pages.AddBlock(_paragraph.ToString());
            _paragraph.Clear();
        }

        _pages.Break();
    }
}
