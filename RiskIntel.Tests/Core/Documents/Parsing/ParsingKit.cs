using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Documents.Parsing;

namespace RiskIntel.Tests.Core.Documents.Parsing;

/// <summary>Files in a private temporary folder, and a parser and detector over chosen options.</summary>
public sealed class ParsingKit : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("riskintel-parse-");

    public ParsingKit(DocumentsOptions? options = null) => Options = options ?? new DocumentsOptions();

    public DocumentsOptions Options { get; }

    public DocumentParser Parser => new(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DocumentParser>.Instance);

    public DocumentFormatDetector Detector => new(Microsoft.Extensions.Options.Options.Create(Options));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<ParsedDocument> ParseAsync(string name, byte[] content, DocumentKind format, CancellationToken cancellationToken = default) =>
        Parser.ParseAsync(Write(name, content), format, cancellationToken);

    public void Dispose() => _folder.Delete(recursive: true);
}
