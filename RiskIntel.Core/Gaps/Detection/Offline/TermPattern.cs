using System.Text;
using System.Text.RegularExpressions;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>
/// Turns a lexicon term into a whole-word pattern: <c>=</c> first makes it case-sensitive, <c>*</c> last
/// accepts any word ending, otherwise plurals (<c>s</c>, <c>es</c>, <c>y</c>→<c>ies</c>) match too; a space or
/// hyphen inside matches a space, a hyphen or nothing ("cash flow", "cash-flow", "cashflow").
/// </summary>
internal static class TermPattern
{
    public static string Text(string term) => term.TrimStart('=').TrimEnd('*');

    public static Regex Compile(string term) => new(Body(term), Options(term.StartsWith('=')));

    /// <summary>Many terms as one alternation, for masking excluded phrases.</summary>
    public static Regex? CompileAny(IEnumerable<string> terms)
    {
        var bodies = terms.Select(Body).ToList();
        return bodies.Count == 0 ? null : new Regex(string.Join('|', bodies), Options(caseSensitive: false));
    }

    private static string Body(string term)
    {
        var wildcard = term.EndsWith('*');
        var text = Text(term);
        var body = new StringBuilder(@"(?<![\p{L}\p{N}])");
        var yPlural = !wildcard && text.Length > 3 && text[^1] == 'y' && !"aeiou".Contains(text[^2], StringComparison.Ordinal);
        var core = yPlural ? text[..^1] : text;
        foreach (var c in core)
        {
            body.Append(c is ' ' or '-' ? "[ -]?" : Regex.Escape(c.ToString()));
        }

        if (wildcard)
        {
            body.Append(@"[\p{L}'-]*");
        }
        else if (yPlural)
        {
            body.Append("(?:y|ies)");
        }
        else if (char.IsLetter(text[^1]))
        {
            body.Append("(?:s|es|'s)?");
        }

        return body.Append(@"(?![\p{L}\p{N}])").ToString();
    }

    private static RegexOptions Options(bool caseSensitive) =>
        RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
}
