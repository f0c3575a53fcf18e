using System.Text;

namespace RiskIntel.Core.Documents;

/// <summary>
/// Checks that a quote occurs in the parsed text, whitespace-insensitively (line breaks and runs of spaces
/// from page layout do not count) and ignoring case and typographic quote/dash variants. A quote that is
/// not found is never shown as evidence. Built once per set of documents; each check is a substring search.
/// </summary>
public sealed class QuoteVerifier
{
    private readonly List<(Guid DocumentId, int Page, string Normalised)> _pages = [];

    public QuoteVerifier(IEnumerable<DocumentText> documents)
    {
        foreach (var document in documents)
        {
            foreach (var page in document.Pages)
            {
                _pages.Add((document.DocumentId, page.Page, Normalise(page.Text)));
            }
        }
    }

    /// <summary>
    /// The evidence as found: the page and document it occurs on (the claimed page first), or null when the
    /// quote is not in the text. Quotes shorter than 8 significant characters prove nothing and are refused.
    /// </summary>
    public Evidence? Verify(string quote, int? claimedPage = null, Guid? claimedDocument = null)
    {
        var needle = Normalise(quote);
        if (needle.Replace(" ", "", StringComparison.Ordinal).Length < 8)
        {
            return null;
        }

        var ordered = _pages
            .OrderByDescending(p => p.Page == claimedPage && (claimedDocument is null || p.DocumentId == claimedDocument));
        foreach (var (documentId, page, text) in ordered)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return new Evidence(quote.Trim(), page, documentId);
            }
        }

        return null;
    }

    /// <summary>Lower case, typographic quotes and dashes folded, every run of whitespace one space.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw) || raw == '\u00AD')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(raw switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                _ => char.ToLowerInvariant(raw),
            });
        }

        return builder.ToString();
    }
}
