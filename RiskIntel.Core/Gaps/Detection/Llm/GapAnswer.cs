namespace RiskIntel.Core.Gaps.Detection.Llm;

/// <summary>One model answer for one part of the documents: the fields it listed, by key.</summary>
internal sealed record GapAnswer(IReadOnlyDictionary<string, GapAnswerItem> Items);

/// <summary>A field as the model judged it, quotes not yet verified.</summary>
internal sealed record GapAnswerItem(string Field, GapStatus Status, string? ExtractedValue, IReadOnlyList<QuoteClaim> Evidence);
