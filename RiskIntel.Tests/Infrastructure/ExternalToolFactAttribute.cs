using RiskIntel.Core.Documents.Parsing.Ocr;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// A test that needs external programs on the PATH (e.g. <c>pdftotext</c>, <c>tesseract</c>). Without them it
/// reports itself skipped and why; with <c>RISKINTEL_REQUIRE_ALL_TESTS=1</c> (CI) it runs and fails instead.
/// </summary>
public sealed class ExternalToolFactAttribute : FactAttribute
{
    public ExternalToolFactAttribute(params string[] programs)
    {
        var missing = programs.Where(p => !ExternalProcess.IsOnPath(p)).ToList();
        if (missing.Count > 0 && Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") != "1")
        {
            Skip = $"Not installed: {string.Join(", ", missing)} (apt-get install poppler-utils tesseract-ocr).";
        }
    }
}

/// <summary>
/// A test over the real PDFs in the folder named by <c>RISKINTEL_TEST_PDFS</c> (<c>.ci/fetch-test-pdfs.sh</c>
/// fills one from Debian documentation packages) that also needs <c>pdftotext</c>. Skipped with the reason
/// when either is missing, unless <c>RISKINTEL_REQUIRE_ALL_TESTS=1</c>.
/// </summary>
public sealed class RealPdfFactAttribute : FactAttribute
{
    public const string Variable = "RISKINTEL_TEST_PDFS";

    public RealPdfFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") == "1")
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Folder) || !Directory.Exists(Folder))
        {
            Skip = $"No real PDFs: set {Variable} to a folder of PDFs (.ci/fetch-test-pdfs.sh DIR makes one).";
        }
        else if (!ExternalProcess.IsOnPath("pdftotext"))
        {
            Skip = "pdftotext is not installed (apt-get install poppler-utils).";
        }
    }

    public static string? Folder => Environment.GetEnvironmentVariable(Variable);
}
