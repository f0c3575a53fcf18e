using System.Text;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Documents.Parsing;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class ResultTextTests
{
    [Fact]
    public void Compose_SmallDocument_JoinsPagesWithBlankLine()
    {
        var result = ResultText.Compose([new PageText(1, "one"), new PageText(2, "two")]);

        Assert.Equal(new ResultText("one\n\ntwo", TextTruncated: false), result);
    }

    [Fact]
    public void Compose_OverTheCap_CutsAtCharacterBoundaryAndFlagsTruncation()
    {
        var pages = Enumerable.Range(1, 3).Select(i => new PageText(i, new string('é', 400_000))).ToList();

        var result = ResultText.Compose(pages);

        Assert.True(result.TextTruncated);
        var bytes = Encoding.UTF8.GetByteCount(result.Text);
        Assert.InRange(bytes, ResultText.MaxUtf8Bytes - 1, ResultText.MaxUtf8Bytes);
        Assert.DoesNotContain('\uFFFD', result.Text);
    }
}
