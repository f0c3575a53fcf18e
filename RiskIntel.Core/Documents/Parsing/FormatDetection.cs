using System.Diagnostics.CodeAnalysis;

namespace RiskIntel.Core.Documents.Parsing;

/// <summary>
/// What <see cref="DocumentFormatDetector"/> found: a supported format and its MIME type, or why the content
/// is not supported (a sentence for the user, e.g. "the file is empty").
/// </summary>
public sealed record FormatDetection(DocumentKind? Format, string? ContentType, string? UnsupportedReason)
{
    [MemberNotNullWhen(true, nameof(Format), nameof(ContentType))]
    [MemberNotNullWhen(false, nameof(UnsupportedReason))]
    public bool IsSupported => Format is not null;

    public static FormatDetection Supported(DocumentKind format) => new(format, DocumentContentTypes.Of(format), null);

    public static FormatDetection Unsupported(string reason) => new(null, null, reason);
}
