namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>
/// Shortens a sentence to a readable quote at word boundaries, keeping the part around what matched. The
/// result is a contiguous piece of the sentence, so it still verifies against the page.
/// </summary>
internal static class QuoteWindow
{
    public static string Cut(string text, int focus, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var start = Math.Clamp(focus - (maxLength / 4), 0, text.Length - maxLength);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space < 0 || space >= focus ? start : space + 1;
        }

        var end = Math.Min(text.Length, start + maxLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end, end - start);
            end = space > start ? space : end;
        }

        return text[start..end].Trim().TrimEnd(',', ';', ':');
    }
}
