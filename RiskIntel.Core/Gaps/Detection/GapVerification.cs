using System.Globalization;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// The one step every engine's claims go through: each quote is checked against the parsed text, a quote not
/// found is dropped and recorded, and a field whose claim lost a quote (or never had one) is lowered —
/// VERIFIED to PARTIAL while some verified quote or a mention remains, otherwise to MISSING. It also fixes the
/// shape: 35 fields in taxonomy order, with label, category and <c>isMandatory</c> from the tables.
/// </summary>
internal static class GapVerification
{
    public const int MaxEvidence = 5;

    public static IReadOnlyList<DetectedGap> Apply(IReadOnlyDictionary<string, GapCandidate> candidates, QuoteVerifier verifier) =>
        RiskTaxonomy.Fields.Select(field => candidates.TryGetValue(field.Key, out var candidate)
            ? Verify(field, candidate, verifier)
            : Empty(field, "no engine answer for this field; treated as MISSING")).ToList();

    private static DetectedGap Verify(RiskField field, GapCandidate candidate, QuoteVerifier verifier)
    {
        var (evidence, dropped) = VerifyQuotes(candidate.Quotes, verifier);
        var droppedEvidence = dropped.Count;
        var notes = candidate.Notes.ToList();
        var extracted = VerifiedExtract(candidate.ExtractedValue, verifier, evidence, dropped, notes);
        var supported = evidence.Count > 0 || extracted is not null || candidate.Mentioned;
        var status = Settle(candidate.Status, supported, droppedEvidence, notes);
        return new DetectedGap(field.Category, field.Key, field.Label, status, status == GapStatus.Missing ? null : extracted,
            evidence, MandatoryGapFields.IsMandatory(field.Key), candidate.MatchedTerms, dropped, notes);
    }

    private static (List<Evidence> Evidence, List<string> Dropped) VerifyQuotes(IEnumerable<QuoteClaim> claims, QuoteVerifier verifier)
    {
        var evidence = new List<Evidence>();
        var dropped = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claims.Where(q => !string.IsNullOrWhiteSpace(q.Quote)))
        {
            var found = verifier.Verify(claim.Quote, claim.Page, claim.DocumentId);
            if (found is null)
            {
                dropped.Add(claim.Quote.Trim());
            }
            else if (seen.Add(QuoteVerifier.Normalise(found.Quote)) && evidence.Count < MaxEvidence)
            {
                evidence.Add(found);
            }
        }

        return (evidence, dropped);
    }

    /// <summary>The claimed value when it occurs in the text; otherwise it is dropped and the best verified quote stands in.</summary>
    private static string? VerifiedExtract(string? claimed, QuoteVerifier verifier, List<Evidence> evidence, List<string> dropped, List<string> notes)
    {
        var value = claimed?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return evidence.FirstOrDefault()?.Quote;
        }

        if (verifier.Verify(value) is not null)
        {
            return value;
        }

        dropped.Add(value);
        notes.Add("extractedValue was not found verbatim in the documents and was replaced by the best verified quote");
        return evidence.FirstOrDefault()?.Quote;
    }

    /// <summary>A lost quote costs the claim its strength; a claim above MISSING must rest on something in the text.</summary>
    private static GapStatus Settle(GapStatus claimed, bool supported, int droppedQuotes, List<string> notes)
    {
        var settled = claimed switch
        {
            GapStatus.Missing => GapStatus.Missing,
            _ when droppedQuotes > 0 || claimed == GapStatus.Verified && !supported => supported ? GapStatus.Partial : GapStatus.Missing,
            GapStatus.Partial when !supported => GapStatus.Missing,
            _ => claimed,
        };
        var lowered = settled == claimed ? "" : $"; lowered from {Name(claimed)} to {Name(settled)}";
        if (droppedQuotes > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{droppedQuotes} quote(s) not found in the documents were dropped{lowered}"));
        }
        else if (settled != claimed)
        {
            notes.Add($"no quote found in the documents supports {Name(claimed)}{lowered}");
        }

        return settled;
    }

    private static DetectedGap Empty(RiskField field, string note) =>
        new(field.Category, field.Key, field.Label, GapStatus.Missing, null, [], MandatoryGapFields.IsMandatory(field.Key), [], [], [note]);

    private static string Name(GapStatus status) => status.ToString().ToUpperInvariant();
}
