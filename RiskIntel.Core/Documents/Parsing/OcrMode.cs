namespace RiskIntel.Core.Documents.Parsing;

/// <summary>Whether PDFs without a text layer are recognised with OCR.</summary>
public enum OcrMode
{
    /// <summary>A PDF without a text layer fails with a message saying how to enable OCR.</summary>
    None,

    /// <summary>Pages without text are rendered with <c>pdftoppm</c> and read with <c>tesseract</c>.</summary>
    Tesseract,
}
