using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection.Offline;

namespace RiskIntel.Tests.Core.Gaps.Detection.Offline;

public sealed class SentenceSegmenterTests
{
    [Fact]
    public void Split_PdfWrappedLines_JoinsThemIntoSentences()
    {
        var sentences = Split("3. Raw Material Supply\n\nPaddy is bought from about 2,400 farming households, 11 agricultural\n"
            + "cooperatives and 35 traders. Since 2021 MGG has signed seasonal contract farming\nagreements with 6 cooperatives.");

        Assert.Equal(SentenceKind.Heading, sentences[0].Kind);
        Assert.Equal("Paddy is bought from about 2,400 farming households, 11 agricultural cooperatives and 35 traders.", sentences[1].Text);
        Assert.Equal("3. Raw Material Supply", sentences[2].Heading);
        Assert.EndsWith("agreements with 6 cooperatives.", sentences[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_Abbreviations_DoNotEndASentence()
    {
        var sentences = Split("It is owned by Mr. Hamisi Mkwawa and registered as No. 91234 under Cap. 490. The board meets twice a year.");

        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("It is owned by Mr. Hamisi", sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_Tables_GiveOneRowEachWithTheHeader()
    {
        var sentences = Split("| Item (GHS) | 2023 |\n|---|---|\n| Total income | 7,000,000 |\n\nNet revenue (VND billion)      1,085       1,342");

        Assert.Equal(["Item (GHS) | 2023", "Total income | 7,000,000", "Net revenue (VND billion) 1,085 1,342"], sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(SentenceKind.TableRow, s.Kind));
        Assert.Equal("Item (GHS) | 2023", sentences[1].TableHeader);
    }

    [Fact]
    public void Split_DocxStyleParagraphLines_KeepHeadingsApart()
    {
        var sentences = Split("Company and Shareholders\nFdQ was incorporated in 2013 as an S.A.S.\nPeople\nFdQ employs 380 permanent workers.");

        Assert.Equal([SentenceKind.Heading, SentenceKind.Prose, SentenceKind.Heading, SentenceKind.Prose], sentences.Select(s => s.Kind));
        Assert.Equal("People", sentences[3].Heading);
    }

    [Fact]
    public void Split_ListItems_AreSentencesOfTheirOwn()
    {
        var sentences = Split("## Risks\n\n- Drought and salinity reduce paddy supply\n- Export price volatility");

        Assert.Equal(["Risks", "Drought and salinity reduce paddy supply", "Export price volatility"], sentences.Select(s => s.Text));
    }

    private static List<Sentence> Split(string page) =>
        SentenceSegmenter.Split([new DocumentText(Guid.NewGuid(), "plan.txt", [new PageText(1, page)])]).ToList();
}
