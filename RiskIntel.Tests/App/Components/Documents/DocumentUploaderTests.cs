using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Documents;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.App.Components.Assessments;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.App.Components.Documents;

public sealed class DocumentUploaderTests() : AssessmentComponentTestBase(maxUploadBytes: 64 * 1024)
{
    private static readonly byte[] PlanText = Encoding.UTF8.GetBytes(SampleMarkdown.ToText(SampleBusinessPlan.Document()));

    [Fact]
    public async Task Upload_APicture_SaysItIsNotADocument_AndSendsNothing()
    {
        var (cut, assessmentId, uploaded) = await RenderUploaderAsync();

        Upload(cut, InputFileContent.CreateFromBinary([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "site-photo.png", contentType: "image/png"));

        var error = cut.WaitForElement("[data-testid='upload-error']");
        Assert.Equal("“site-photo.png” is not a document RiskIntel can read. Upload a PDF, Word (.docx), plain text or Markdown file.", error.TextContent.Trim());
        Assert.Empty(await DocumentsAsync(assessmentId));
        Assert.Empty(uploaded);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_SaysHowBigItIsAndTheLimit_BeforeSending()
    {
        var (cut, assessmentId, _) = await RenderUploaderAsync();

        Upload(cut, InputFileContent.CreateFromBinary(new byte[100 * 1024], "annual-report.pdf", contentType: "application/pdf"));

        Assert.Equal("“annual-report.pdf” is 100 KB; a document can be at most 64 KB.", cut.WaitForElement("[data-testid='upload-error']").TextContent.Trim());
        Assert.Empty(await DocumentsAsync(assessmentId));
    }

    [Fact]
    public async Task Upload_AnOldWordFormat_AsksForDocxOrPdf()
    {
        var (cut, _, _) = await RenderUploaderAsync();

        Upload(cut, InputFileContent.CreateFromBinary([0xD0, 0xCF, 0x11, 0xE0], "plan.doc", contentType: "application/msword"));

        Assert.Contains("Save it as a Word document (.docx) or a PDF", cut.WaitForElement("[data-testid='upload-error']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_APictureNamedPdf_PassesTheEarlyCheck_ButTheServerRefusesItByContent()
    {
        var (cut, assessmentId, _) = await RenderUploaderAsync();

        Upload(cut, InputFileContent.CreateFromBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "plan.pdf", contentType: "application/pdf"));

        var error = cut.WaitForElement("[data-testid='upload-error']").TextContent;
        Assert.StartsWith("“plan.pdf” was not accepted: ", error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("RiskIntel reads PDF, Word (.docx), plain text or Markdown files.", error.Trim(), StringComparison.Ordinal);
        Assert.Empty(await DocumentsAsync(assessmentId));
    }

    [Fact]
    public async Task Upload_ThePlan_StoresItWithItsParseJob_AndRaisesUploaded()
    {
        var (cut, assessmentId, uploaded) = await RenderUploaderAsync();

        Upload(cut, InputFileContent.CreateFromBinary(PlanText, "lakeside-plan.txt", contentType: "text/plain"));

        cut.WaitForAssertion(() => Assert.Single(uploaded));
        Assert.Equal(UploadOutcome.Accepted, uploaded[0].Outcome);
        Assert.Equal(JobType.ParseDocument, uploaded[0].Job!.Type);
        Assert.Equal("lakeside-plan.txt", Assert.Single(await DocumentsAsync(assessmentId)).FileName);
        Assert.Empty(cut.FindAll("[data-testid='upload-item']"));
    }

    [Fact]
    public async Task Upload_TheSameFileTwice_NamesTheDocumentAlreadyThere()
    {
        var (cut, assessmentId, uploaded) = await RenderUploaderAsync();
        Upload(cut, InputFileContent.CreateFromBinary(PlanText, "lakeside-plan.txt", contentType: "text/plain"));
        cut.WaitForAssertion(() => Assert.Single(uploaded));

        Upload(cut, InputFileContent.CreateFromBinary(PlanText, "copy of plan.txt", contentType: "text/plain"));

        Assert.StartsWith("This file is already in the assessment as \"lakeside-plan.txt\"",
            cut.WaitForElement("[data-testid='upload-error']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single(await DocumentsAsync(assessmentId));
    }

    private static void Upload(IRenderedComponent<DocumentUploader> cut, params InputFileContent[] files) =>
        cut.FindComponent<InputFile>().UploadFiles(files);

    private async Task<IReadOnlyList<DocumentDto>> DocumentsAsync(Guid assessmentId) =>
        (await Services.GetRequiredService<DocumentQueries>().ListAsync(assessmentId, UserId, default))!;

    private async Task<(IRenderedComponent<DocumentUploader> Cut, Guid AssessmentId, List<UploadResult> Uploaded)> RenderUploaderAsync()
    {
        var assessment = await CreateAssessmentAsync();
        var uploaded = new List<UploadResult>();
        var cut = Render<DocumentUploader>(p => p
            .Add(c => c.AssessmentId, assessment.Id)
            .Add(c => c.UserId, UserId)
            .Add(c => c.Uploaded, uploaded.Add));
        return (cut, assessment.Id, uploaded);
    }
}
