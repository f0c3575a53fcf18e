namespace RiskIntel.Core.Documents.Parsing.Docx;

/// <summary>What the body of a DOCX yields: pages, headings and tables.</summary>
internal sealed record DocxBody(List<PageText> Pages, List<OutlineEntry> Outline, List<ParsedTable> Tables);
