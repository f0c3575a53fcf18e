using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using RiskIntel.Core.Documents.Parsing.Packaging;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Docx;

/// <summary>
/// DOCX with OpenXml: the zip's central directory is checked against the caps first
/// (<see cref="ZipBombGuard"/>), then document.xml is streamed (<see cref="DocxBodyReader"/>); DTDs are
/// refused by OpenXml's XML reader, so entity expansion and external entities never happen.
/// </summary>
internal sealed class DocxDocumentParser(DocumentsOptions options)
{
    public ParsedDocument Parse(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var entries = ZipBombGuard.Inspect(stream, options);
        if (!entries.Any(e => string.Equals(e.Name, "word/document.xml", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InputValidationException("the DOCX has no word/document.xml, so it is not a Word document");
        }

        try
        {
            var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = options.MaxXmlPartCharacters };
            using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
            var main = document.MainDocumentPart
                ?? throw new InputValidationException("the DOCX has no main document part (word/document.xml is not registered in the package)");
            var styles = DocxStyles.Read(main.StyleDefinitionsPart, cancellationToken);
            var body = new DocxBodyReader(styles, options).Read(main, cancellationToken);
            var words = body.Pages.Sum(p => WordCounter.Count(p.Text));
            if (words == 0)
            {
                throw new InputValidationException("the document contains no text");
            }

            var properties = document.PackageProperties;
            var metadata = new DocumentMetadata(body.Pages.Count, words, Clean(properties.Title), Clean(properties.Creator), DocumentContentTypes.Docx, Ocr: false);
            return new ParsedDocument(body.Pages, metadata, body.Outline, body.Tables);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new InputValidationException("the DOCX contains a DTD, which is not allowed (entity expansion and external entities are refused)", ex);
        }
        catch (Exception ex) when (ex is XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            throw new InputValidationException($"the DOCX is damaged or not a valid Word document ({ex.Message})", ex);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
