using System.Globalization;
using RiskIntel.Core.Documents;

namespace RiskIntel.App.Components.Documents;

/// <summary>
/// The checks made in the browser's circuit before a file is sent, for a friendly early message; the server
/// still decides the type by content. Also turns the server's refusals into plain sentences.
/// </summary>
public static class UploadCheck
{
    private static readonly string[] Extensions = [".pdf", ".docx", ".txt", ".text", ".md", ".markdown"];

    private static readonly string[] MediaTypes =
    [
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain", "text/markdown", "text/x-markdown",
    ];

    /// <summary>The file picker's filter.</summary>
    public static string Accept { get; } = string.Join(',', Extensions.Concat(MediaTypes));

    public const string Formats = "PDF, Word (.docx), plain text or Markdown";

    /// <summary>Why the file cannot be sent, or null when it may be.</summary>
    public static string? Problem(string fileName, string? contentType, long size, long maxBytes)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".doc" or ".rtf" or ".odt")
        {
            return $"“{fileName}” is not a format RiskIntel reads. Save it as a Word document (.docx) or a PDF and upload that.";
        }

        if (!Extensions.Contains(extension) && !MediaTypes.Contains(contentType?.ToLowerInvariant() ?? ""))
        {
            return $"“{fileName}” is not a document RiskIntel can read. Upload a {Formats} file.";
        }

        if (size == 0)
        {
            return $"“{fileName}” is empty.";
        }

        return size > maxBytes ? $"“{fileName}” is {Size(size)}; a document can be at most {Size(maxBytes)}." : null;
    }

    /// <summary>The server's answer when it did not accept the file, in plain words.</summary>
    public static string Explain(UploadResult result, string fileName, long maxBytes) => result.Outcome switch
    {
        UploadOutcome.TooLarge => $"“{fileName}” is larger than {Size(maxBytes)}, the most a document can be.",
        UploadOutcome.Unsupported => $"“{fileName}” was not accepted: {Sentence(result.Reason ?? "its content is not a document")}. RiskIntel reads {Formats} files.",
        UploadOutcome.Duplicate => result.Reason ?? $"“{fileName}” is already in this assessment.",
        UploadOutcome.AssessmentNotFound => "This assessment no longer exists, so nothing was uploaded.",
        _ => $"“{fileName}” was uploaded.",
    };

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB"),
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private static string Sentence(string reason) => reason.TrimEnd('.', ' ');
}
