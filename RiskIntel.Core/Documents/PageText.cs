namespace RiskIntel.Core.Documents;

/// <summary>The parsed text of one page (1-based) of a document.</summary>
public sealed record PageText(int Page, string Text);

/// <summary>The parsed pages of one document of an assessment, as the analysis steps read them.</summary>
public sealed record DocumentText(Guid DocumentId, string FileName, IReadOnlyList<PageText> Pages);
