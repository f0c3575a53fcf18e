using RiskIntel.App.Components.Gaps;

namespace RiskIntel.Tests.App.Components.Gaps;

public sealed class PageTextLayoutTests
{
    // As the PDF parser gives page 6 of the sample plan: printed lines, a table, bullets and blank lines.
    private const string Page = """
        9. Financial performance

        9.1 Income and expenditure
        The table below summarises the Society's audited results for the last three years, in KES
        million. Payments to members are by far the largest cost, about 88 % of milk sales.

        KES million 2022 2023 2024
        Milk sales 318.4 371.9 402.7
        Surplus 4.9 8.0 11.7
        In 2018 the Society took a loan of KES 14 million from Co-operative Bank of Kenya to buy the
        - two 10,000-litre coolers, at an interest rate of 13 % per year over seven years.
        """;

    [Fact]
    public void Reflow_JoinsTheLinesOfAParagraph_AndKeepsHeadingsTablesBulletsAndBlankLines()
    {
        var shown = PageTextLayout.Reflow(Page);

        Assert.Contains("three years, in KES million. Payments", shown, StringComparison.Ordinal);
        Assert.Contains("\n\n9.1 Income and expenditure\nThe table", shown, StringComparison.Ordinal);
        Assert.Contains("2022 2023 2024\nMilk sales 318.4 371.9 402.7\nSurplus", shown, StringComparison.Ordinal);
        Assert.Contains("to buy the\n- two 10,000-litre", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Reflow_KeepsTheLength_SoQuotesAreFoundWhereTheyWere()
    {
        var shown = PageTextLayout.Reflow(Page.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(Page.Length + Page.Count(c => c == '\n'), shown.Length);
        Assert.DoesNotContain("KES\r", shown, StringComparison.Ordinal);
        var marked = EvidenceHighlighter.Highlight(shown, ["results for the last three years, in KES million"]);
        Assert.Equal("results for the last three years, in KES  million", Assert.Single(marked, s => s.Marked).Text);
    }

    [Fact]
    public void Reflow_PageOfShortLines_IsLeftAsItIs()
    {
        const string text = "Members 368 412\nTrucks 3 4\nCoolers 2 3";

        Assert.Equal(text, PageTextLayout.Reflow(text));
    }
}
