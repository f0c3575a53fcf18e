using System.Globalization;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Ocr;

/// <summary>
/// OCR of PDF pages: each page is rendered alone with <c>pdftoppm</c> to a PNG in a private temporary
/// folder and read with <c>tesseract … stdout</c>; one page at a time, so disk and memory hold one page.
/// </summary>
internal sealed class TesseractOcr(DocumentsOptions options)
{
    public const string Renderer = "pdftoppm";
    public const string Recognizer = "tesseract";

    public static bool IsInstalled => ExternalProcess.IsOnPath(Renderer) && ExternalProcess.IsOnPath(Recognizer);

    public async Task<Dictionary<int, string>> RecognizeAsync(string pdfPath, IReadOnlyList<int> pages, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("riskintel-ocr-");
        try
        {
            var texts = new Dictionary<int, string>();
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                texts[page] = await RecognizePageAsync(pdfPath, page, folder.FullName, cancellationToken);
            }

            return texts;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string> RecognizePageAsync(string pdfPath, int page, string folder, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.OcrPageTimeoutSeconds);
        var number = page.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(folder, "page-" + number);
        var render = await ExternalProcess.RunAsync(Renderer,
            ["-r", options.OcrDpi.ToString(CultureInfo.InvariantCulture), "-png", "-gray", "-singlefile", "-f", number, "-l", number, pdfPath, prefix],
            timeout, cancellationToken);
        if (render.ExitCode != 0 || !File.Exists(prefix + ".png"))
        {
            throw new InputValidationException($"the PDF page {page} could not be rendered for OCR: {render.Error.Trim()}");
        }

        var recognize = await ExternalProcess.RunAsync(Recognizer, [prefix + ".png", "stdout", "-l", options.OcrLanguage], timeout, cancellationToken);
        File.Delete(prefix + ".png");
        if (recognize.ExitCode != 0)
        {
            throw new InvalidOperationException($"tesseract failed on page {page}: {recognize.Error.Trim()}");
        }

        return recognize.Output.Trim();
    }
}
