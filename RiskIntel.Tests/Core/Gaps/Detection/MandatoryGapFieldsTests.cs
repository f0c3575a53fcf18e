using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Prompts;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Gaps.Detection;

public sealed class MandatoryGapFieldsTests
{
    [Fact]
    public void All_AreKnownDistinctFieldsWithAReason()
    {
        Assert.InRange(MandatoryGapFields.All.Count, 10, 14);
        Assert.All(MandatoryGapFields.All, f => Assert.NotNull(RiskTaxonomy.Find(f.Field)));
        Assert.All(MandatoryGapFields.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal(MandatoryGapFields.All.Count, MandatoryGapFields.All.Select(f => f.Field).Distinct().Count());
    }

    [Fact]
    public void DefaultGapDetectionPrompt_NamesExactlyTheMandatoryTable()
    {
        var prompt = DefaultPrompts.All.Single(p => p.Section == PromptSection.GapDetection).SystemPrompt;
        var named = prompt[prompt.IndexOf("before risk analysis:", StringComparison.Ordinal)..];

        Assert.All(MandatoryGapFields.All, f => Assert.Contains(f.Field, named, StringComparison.Ordinal));
        Assert.DoesNotContain("GOVERNANCE_LEGAL.intellectual_property", named, StringComparison.Ordinal);
        Assert.DoesNotContain("fields are mandatory", prompt, StringComparison.Ordinal);
        Assert.Contains("[page 3]", prompt, StringComparison.Ordinal);
    }
}
