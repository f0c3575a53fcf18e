using RiskIntel.Core.Documents.Parsing.Ocr;
using RiskIntel.Core.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>
/// PDF with PdfPig: words per page (<see cref="PdfWordExtractor"/>) in reading order
/// (<see cref="PdfPageLayout"/>), title and author from the document information, bookmarks as outline,
/// aligned grids as tables, and OCR for pages without a text layer when it is enabled. One page is held at
/// a time; every decoded stream is capped (<see cref="LimitedFilterProvider"/>).
/// </summary>
internal sealed class PdfDocumentParser(DocumentsOptions options)
{
    public const string NoTextLayerMessage =
        "the document has no text layer; OCR is not enabled (set Documents:Ocr=Tesseract and install tesseract-ocr and poppler-utils)";

    public async Task<ParsedDocument> ParseAsync(string path, CancellationToken cancellationToken)
    {
        PdfEndMarker.EnsurePresent(path);
        var (pages, textless, outline, tables, title, author) = Read(path, cancellationToken);
        var ocr = false;
        if (textless.Count > 0 && (textless.Count == pages.Count || options.Ocr == OcrMode.Tesseract))
        {
            var texts = await RecognizeAsync(path, textless, allTextless: textless.Count == pages.Count, cancellationToken);
            foreach (var (page, text) in texts)
            {
                pages[page - 1] = new PageText(page, text);
            }

            ocr = texts.Count > 0;
        }

        var words = pages.Sum(p => WordCounter.Count(p.Text));
        if (words == 0)
        {
            throw new InputValidationException(ocr ? "OCR found no text in the document" : "the document contains no text");
        }

        var metadata = new DocumentMetadata(pages.Count, words, title, author, DocumentContentTypes.Pdf, ocr);
        return new ParsedDocument(pages, metadata, outline, tables);
    }

    private (List<PageText> Pages, List<int> Textless, List<OutlineEntry> Outline, List<ParsedTable> Tables, string? Title, string? Author) Read(
        string path, CancellationToken cancellationToken)
    {
        var parsing = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = new LimitedFilterProvider(options.MaxDecodedStreamBytes, options.MaxContentStreamBytes) };
        try
        {
            using var document = PdfDocument.Open(path, parsing);
            if (document.NumberOfPages > options.MaxPages)
            {
                throw new InputValidationException($"the PDF has {document.NumberOfPages} pages; at most {options.MaxPages} are allowed");
            }

            var pages = new List<PageText>(document.NumberOfPages);
            var textless = new List<int>();
            var tables = new List<ParsedTable>();
            long characters = 0;
            var tooComplex = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReadLetters(document, number) is not { } letters)
                {
                    pages.Add(new PageText(number, ""));
                    textless.Add(number);
                    tooComplex++;
                    continue;
                }

                var words = PdfWordExtractor.Instance.GetWords(letters).ToList();
                var analyse = letters.Count <= options.MaxLettersPerPage;
                var lines = analyse ? PdfLines.Build(words.Where(w => w.TextOrientation == UglyToad.PdfPig.Content.TextOrientation.Horizontal)) : [];
                var text = PdfPageLayout.ToText(words, lines, analyse);
                characters += text.Length;
                if (characters > options.MaxTextCharacters)
                {
                    throw new InputValidationException($"the PDF has more than {options.MaxTextCharacters} characters of text");
                }

                pages.Add(new PageText(number, text));
                if (words.Count == 0)
                {
                    textless.Add(number);
                }
                else if (analyse)
                {
                    tables.AddRange(PdfTableDetector.Detect(lines).Select(rows => new ParsedTable(number, rows)));
                }
            }

            if (tooComplex == pages.Count && options.Ocr != OcrMode.Tesseract)
            {
                throw new InputValidationException(
                    $"the PDF's pages are too complex to read: their content streams exceed {options.MaxContentStreamBytes / 1024} KB (Documents:MaxContentStreamBytes)");
            }

            return (pages, textless, PdfOutlineReader.Read(document), tables, Clean(document.Information.Title), Clean(document.Information.Author));
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new InputValidationException("the PDF is encrypted (password-protected); remove the password and upload it again", ex);
        }
        catch (PdfStreamTooLargeException ex)
        {
            throw new InputValidationException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is not (InputValidationException or OperationCanceledException or OutOfMemoryException))
        {
            throw new InputValidationException($"the PDF is damaged and cannot be read ({ex.Message})", ex);
        }
    }

    private static IReadOnlyList<UglyToad.PdfPig.Content.Letter>? ReadLetters(PdfDocument document, int number)
    {
        try
        {
            return document.GetPage(number).Letters;
        }
        catch (PdfContentTooLargeException)
        {
            return null;
        }
    }

    private async Task<Dictionary<int, string>> RecognizeAsync(string path, List<int> textless, bool allTextless, CancellationToken cancellationToken)
    {
        if (options.Ocr != OcrMode.Tesseract)
        {
            throw new InputValidationException(NoTextLayerMessage);
        }

        if (!TesseractOcr.IsInstalled)
        {
            if (!allTextless)
            {
                return [];
            }

            throw new InputValidationException(
                "the document has no text layer; OCR is enabled but tesseract or pdftoppm is not installed (install tesseract-ocr and poppler-utils)");
        }

        if (textless.Count > options.OcrMaxPages)
        {
            throw new InputValidationException($"the document has {textless.Count} pages without a text layer; OCR reads at most {options.OcrMaxPages} (Documents:OcrMaxPages)");
        }

        return await new TesseractOcr(options).RecognizeAsync(path, textless, cancellationToken);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : PdfText.Clean(value);
}
