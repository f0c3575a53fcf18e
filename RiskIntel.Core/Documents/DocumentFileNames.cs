using System.Text;

namespace RiskIntel.Core.Documents;

/// <summary>
/// Turns the name a browser or client sent into one that is safe to show and to offer on download: no path
/// parts, no control or bidi-override characters, bounded length with the extension kept. The stored file's
/// name is never this: the file store chooses its own keys.
/// </summary>
public static class DocumentFileNames
{
    public static string Sanitise(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var ch in last.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsControl(ch) || category is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned
                || ch is '"' or '<' or '>' or '|' or ':' or '*' or '?')
            {
                continue;
            }

            clean.Append(char.IsWhiteSpace(ch) ? ' ' : ch);
        }

        var text = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (text.Length == 0)
        {
            return "document";
        }

        if (text.Length <= Document.MaxFileNameLength)
        {
            return text;
        }

        var extension = Path.GetExtension(text);
        extension = extension.Length is > 0 and <= 10 ? extension : "";
        return text[..(Document.MaxFileNameLength - extension.Length)].TrimEnd() + extension;
    }
}
