using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Documents.Parsing;

/// <summary>
/// Settings of the <c>Documents</c> section: upload size, OCR, and the caps that bound what a hostile file
/// can cost (docs/documents.md explains each bound).
/// </summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    public OcrMode Ocr { get; set; } = OcrMode.None;

    /// <summary>Tesseract language code(s), e.g. <c>eng</c> or <c>eng+deu</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z_]{3,20}(\\+[A-Za-z_]{3,20}){0,4}$")]
    public string OcrLanguage { get; set; } = "eng";

    [Range(72, 600)]
    public int OcrDpi { get; set; } = 300;

    /// <summary>At most this many pages of one document are OCR'd; a longer scan fails with a clear message.</summary>
    [Range(1, 1000)]
    public int OcrMaxPages { get; set; } = 50;

    [Range(5, 3600)]
    public int OcrPageTimeoutSeconds { get; set; } = 120;

    [Range(typeof(long), "1024", "1073741824")]
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 3000;

    /// <summary>Characters of text in the whole document (about 4,000 dense pages at the default).</summary>
    [Range(1_000, 500_000_000)]
    public int MaxTextCharacters { get; set; } = 20_000_000;

    /// <summary>XML elements read from a DOCX's document.xml.</summary>
    [Range(1_000, 500_000_000)]
    public int MaxXmlElements { get; set; } = 10_000_000;

    /// <summary>Characters in any one XML part of a DOCX (OpenXml's MaxCharactersInPart).</summary>
    [Range(typeof(long), "100000", "4000000000")]
    public long MaxXmlPartCharacters { get; set; } = 400_000_000;

    /// <summary>The sum of the declared uncompressed sizes of a DOCX's zip entries.</summary>
    [Range(typeof(long), "1000000", "8000000000")]
    public long MaxExpandedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The largest uncompressed:compressed ratio allowed for a zip entry bigger than 1 MB.</summary>
    [Range(10, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    [Range(10, 65_000)]
    public int MaxZipEntries { get; set; } = 10_000;

    /// <summary>The largest decoded (Flate) stream of a PDF.</summary>
    [Range(typeof(long), "1000000", "2000000000")]
    public long MaxDecodedStreamBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The largest decoded content stream of a PDF page or form. A page over it is skipped (and OCR'd when OCR
    /// is on): PdfPig keeps ~330 bytes per glyph, so this bounds a hostile page at roughly 350 MB.
    /// </summary>
    [Range(typeof(long), "65536", "268435456")]
    public long MaxContentStreamBytes { get; set; } = 1024 * 1024;

    /// <summary>Above this many glyphs on a PDF page, layout analysis is skipped and words keep content order.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxLettersPerPage { get; set; } = 100_000;

    /// <summary>Pages of a document without page breaks (DOCX, TXT, MD) are cut at paragraph ends after this many words.</summary>
    [Range(50, 100_000)]
    public int WordsPerSyntheticPage { get; set; } = 500;
}
