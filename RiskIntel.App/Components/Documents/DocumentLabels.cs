using System.Globalization;
using MudBlazor;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Documents;

namespace RiskIntel.App.Components.Documents;

/// <summary>How documents read on screen: status, an icon by type, a line of facts, and errors in plain words.</summary>
public static class DocumentLabels
{
    public static string Name(DocumentStatus status) => status switch
    {
        DocumentStatus.Parsing => "Reading",
        DocumentStatus.Parsed => "Read",
        _ => "Could not be read",
    };

    public static Color Color(DocumentStatus status) => status switch
    {
        DocumentStatus.Parsing => MudBlazor.Color.Info,
        DocumentStatus.Parsed => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Error,
    };

    public static string Icon(DocumentDto document) => document.ContentType switch
    {
        "application/pdf" => Icons.Material.Outlined.PictureAsPdf,
        var type when type.Contains("wordprocessingml", StringComparison.Ordinal) => Icons.Material.Outlined.Description,
        _ => Icons.Material.Outlined.Article,
    };

    /// <summary>"7 pages · 2,431 words · 182 KB".</summary>
    public static string Facts(DocumentDto document)
    {
        var facts = new List<string>(3);
        if (document.Pages is { } pages)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"{pages:N0} page{(pages == 1 ? "" : "s")}"));
        }

        if (document.Words is { } words)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"{words:N0} words"));
        }

        facts.Add(UploadCheck.Size(document.Bytes));
        return string.Join(" · ", facts);
    }

    /// <summary><c>ValidationException: the PDF is encrypted…</c> → <c>The PDF is encrypted…</c>: the kind is for logs, the reason for people.</summary>
    public static string PlainError(string error)
    {
        var readable = Shared.ErrorExplainer.Explain(error).Detail;
        var colon = readable.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && colon < 60 && readable[..colon].EndsWith("Exception", StringComparison.Ordinal) && !readable[..colon].Contains(' ', StringComparison.Ordinal))
        {
            readable = readable[(colon + 2)..];
        }

        return readable.Length == 0 ? readable : char.ToUpperInvariant(readable[0]) + readable[1..];
    }
}
