using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class SampleOutputTests
{
    [Fact]
    public void Write_SamplesToFolder_WhenAsked()
    {
        var folder = Environment.GetEnvironmentVariable("RISKINTEL_WRITE_SAMPLES");
        if (folder is null)
        {
            return;
        }

        var plan = SampleBusinessPlan.Document();
        File.WriteAllBytes(Path.Combine(folder, "plan.pdf"), SamplePdfWriter.Write(plan));
        File.WriteAllBytes(Path.Combine(folder, "plan.docx"), SampleDocxWriter.Write(plan));
        File.WriteAllText(Path.Combine(folder, "plan.md"), SampleMarkdown.ToMarkdown(plan));
    }
}
