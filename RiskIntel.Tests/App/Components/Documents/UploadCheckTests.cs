using RiskIntel.App.Components.Documents;
using RiskIntel.Core.Documents;

namespace RiskIntel.Tests.App.Components.Documents;

public sealed class UploadCheckTests
{
    private const long Limit = 25L * 1024 * 1024;

    [Theory]
    [InlineData("plan.pdf", "application/pdf")]
    [InlineData("PLAN.DOCX", "")]
    [InlineData("notes.md", "")]
    [InlineData("minutes", "text/plain")]
    public void Problem_SupportedByNameOrMimeType_IsNone(string name, string contentType) =>
        Assert.Null(UploadCheck.Problem(name, contentType, 1024, Limit));

    [Fact]
    public void Problem_ExactlyAtTheLimit_IsNone_AndOneByteMore_NamesBothSizes()
    {
        Assert.Null(UploadCheck.Problem("plan.pdf", "application/pdf", Limit, Limit));
        Assert.Equal("“plan.pdf” is 25.0 MB; a document can be at most 25 MB.", UploadCheck.Problem("plan.pdf", "application/pdf", Limit + 1, Limit));
    }

    [Fact]
    public void Problem_EmptyFile_SaysSo() =>
        Assert.Equal("“plan.pdf” is empty.", UploadCheck.Problem("plan.pdf", "application/pdf", 0, Limit));

    [Theory]
    [InlineData(512, "512 bytes")]
    [InlineData(182_000, "178 KB")]
    [InlineData(3_500_000, "3.3 MB")]
    [InlineData(Limit, "25 MB")]
    public void Size_ReadsLikeAFileManager(long bytes, string expected) => Assert.Equal(expected, UploadCheck.Size(bytes));

    [Fact]
    public void Explain_ServerRefusals_AreSentencesWithoutCodes()
    {
        Assert.Equal("“scan.pdf” was not accepted: the file is binary data, not a PDF, DOCX, text or Markdown document. RiskIntel reads PDF, Word (.docx), plain text or Markdown files.",
            UploadCheck.Explain(new UploadResult(UploadOutcome.Unsupported, Reason: "the file is binary data, not a PDF, DOCX, text or Markdown document"), "scan.pdf", Limit));
        Assert.Equal("“big.pdf” is larger than 25 MB, the most a document can be.",
            UploadCheck.Explain(new UploadResult(UploadOutcome.TooLarge, Reason: "The file is larger than 25 MB."), "big.pdf", Limit));
        Assert.Equal("This assessment no longer exists, so nothing was uploaded.",
            UploadCheck.Explain(new UploadResult(UploadOutcome.AssessmentNotFound), "plan.pdf", Limit));
    }
}
