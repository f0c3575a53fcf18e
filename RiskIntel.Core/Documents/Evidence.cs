namespace RiskIntel.Core.Documents;

/// <summary>A verbatim quote from a parsed document, with its page where known (SPEC §4 <c>evidence</c>).</summary>
public sealed record Evidence(string Quote, int? Page, Guid? DocumentId);
