using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class SampleWriterTests
{
    [Fact]
    public void WriteDocx_SameDescriptionTwice_GivesIdenticalBytes()
    {
        var first = SampleDocxWriter.Write(SampleBusinessPlan.Document());
        var second = SampleDocxWriter.Write(SampleBusinessPlan.Document());

        // Entry by entry first, so a difference names the part that is not deterministic.
        Assert.Equal(Entries(first), Entries(second));
        Assert.Equal(first, second);
    }

    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return e.LastWriteTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + reader.ReadToEnd();
        });
    }

    [Fact]
    public void Markdown_WrittenAndReadBack_GivesTheSameDescription()
    {
        var plan = SampleBusinessPlan.Document();

        var again = SampleMarkdown.Parse(SampleMarkdown.ToMarkdown(plan), plan.Title, plan.Author);

        Assert.Equal(plan.Blocks.Count, again.Blocks.Count);
        for (var i = 0; i < plan.Blocks.Count; i++)
        {
            Assert.Equal(Describe(plan.Blocks[i]), Describe(again.Blocks[i]));
        }
    }

    private static string Describe(SampleBlock block) => block switch
    {
        SampleTable t => "table:" + string.Join("/", t.Rows.Select(r => string.Join("|", r))),
        _ => block.ToString(),
    };
}
