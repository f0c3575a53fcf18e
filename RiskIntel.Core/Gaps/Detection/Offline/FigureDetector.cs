using System.Text.RegularExpressions;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>
/// Which kinds of figure a sentence holds: <c>amount</c> (a currency next to a number, or a number in a table
/// row whose header or section names a currency), <c>percent</c>, <c>quantity</c> (with a unit), <c>count</c>
/// (of people, places, years …), <c>year</c> and <c>date</c>. The patterns are data in the lexicon.
/// </summary>
internal sealed class FigureDetector
{
    public const string Amount = "amount";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Scale = @"(?:k|m|bn|mn|million|billion|thousand|lakh|crore)";
    private static readonly Regex Number = new(@"\d[\d,.]*\d|\d", RegexOptions.CultureInvariant);
    private readonly Regex _amount;
    private readonly Regex _currency;
    private readonly IReadOnlyList<(string Kind, Regex Pattern)> _patterns;

    public FigureDetector(IReadOnlyList<string> currencies, IReadOnlyDictionary<string, string> patterns)
    {
        var codes = string.Join('|', currencies.OrderByDescending(c => c.Length).Select(Token));
        _currency = new Regex(codes, RegexOptions.CultureInvariant);
        _amount = new Regex(
            $@"(?:{codes})\s?{Scale}?\)?\s?\(?\d|\d[\d,.]*\s?{Scale}?\s?(?:{codes})",
            RegexOptions.CultureInvariant);
        _patterns = patterns.Select(p => (p.Key, new Regex(p.Value, Options))).ToList();
    }

    public HashSet<string> Kinds(string text, string? context)
    {
        var kinds = _patterns.Where(p => p.Pattern.IsMatch(text)).Select(p => p.Kind).ToHashSet(StringComparer.Ordinal);
        if (_amount.IsMatch(text) || (context is not null && _currency.IsMatch(context) && Number.IsMatch(text)))
        {
            kinds.Add(Amount);
        }

        return kinds;
    }

    /// <summary>Codes and words are whole words; symbols ($, €, ₦ …) stand anywhere.</summary>
    private static string Token(string currency) =>
        char.IsLetter(currency[0])
            ? @"(?<![\p{L}])" + Regex.Escape(currency) + (char.IsLetter(currency[^1]) ? @"(?![\p{L}])" : "")
            : Regex.Escape(currency);
}
