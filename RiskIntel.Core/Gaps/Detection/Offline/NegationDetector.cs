using System.Text.RegularExpressions;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>
/// Whether a term occurrence is negated: a cue ("no", "not", "without", "does not have" …) in the few words
/// before it within the same clause, or "not"/"never" just after it ("the agreement has not been signed").
/// A negated mention shows the topic is known, not that the practice exists.
/// </summary>
internal sealed class NegationDetector
{
    private static readonly string[] ClauseBreaks = [";", ":", " — ", " – ", " but ", " however", " although ", " whereas ", " while "];
    private static readonly Regex After = new(@"(?<![\p{L}])(?:not|never|\p{L}+n't)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private readonly Regex _cues;
    private readonly Regex? _exceptions;
    private readonly int _windowWords;
    private readonly int _afterWords;

    public NegationDetector(NegationData data)
    {
        var cues = data.Cues.Select(c => c switch
        {
            "no" => @"(?<![\p{L}])no(?![.\p{L}\p{N}])",
            "n't" => @"\p{L}+n't(?![\p{L}])",
            _ => @"(?<![\p{L}])" + Regex.Escape(c) + @"(?![\p{L}])",
        });
        _cues = new Regex(string.Join('|', cues), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        _exceptions = TermPattern.CompileAny(data.Exceptions);
        _windowWords = data.WindowWords;
        _afterWords = data.AfterWords;
    }

    public bool IsNegated(string text, int start, int end) =>
        HasCue(LastWords(Clause(text[Math.Max(0, start - 160)..start], fromEnd: true), _windowWords), _cues)
        || HasCue(FirstWords(Clause(text[end..Math.Min(text.Length, end + 80)], fromEnd: false), _afterWords), After);

    private bool HasCue(string window, Regex cues) =>
        cues.IsMatch(_exceptions is null ? window : _exceptions.Replace(window, " "));

    private static string Clause(string text, bool fromEnd)
    {
        foreach (var separator in ClauseBreaks)
        {
            var at = fromEnd ? text.LastIndexOf(separator, StringComparison.OrdinalIgnoreCase) : text.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                text = fromEnd ? text[(at + separator.Length)..] : text[..at];
            }
        }

        var stop = fromEnd ? -1 : text.IndexOfAny([',', '.', '(']);
        return stop >= 0 ? text[..stop] : text;
    }

    private static string LastWords(string text, int count) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(count));

    private static string FirstWords(string text, int count) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(count));
}
