using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

public sealed class RiskRulesDocumentTests
{
    private static readonly string DocPath = Path.Combine(RepositoryPaths.Root, "docs", "risk-rules.md");

    [Fact]
    public void RiskRulesDoc_MatchesTheEmbeddedRuleTable()
    {
        var expected = RiskRulesMarkdown.Render(RiskRuleTable.Default);
        if (Environment.GetEnvironmentVariable("RISKINTEL_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, expected);
        }

        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath).ReplaceLineEndings("\n") : "";
        Assert.True(expected == actual,
            "docs/risk-rules.md is stale: it no longer describes risk-rules.json. Regenerate it with "
            + "RISKINTEL_UPDATE_DOCS=1 dotnet test --filter FullyQualifiedName~RiskRulesDocumentTests");
    }

    [Fact]
    public void RiskRulesDoc_NamesEveryRuleAndField()
    {
        var markdown = RiskRulesMarkdown.Render(RiskRuleTable.Default);

        Assert.All(RiskRuleTable.Default.Subcategories, s =>
        {
            Assert.Contains($"(`{s.Field.Key}`)", markdown, StringComparison.Ordinal);
            Assert.All(s.Rules, r => Assert.Contains($"| `{r.Id}`", markdown, StringComparison.Ordinal));
        });
    }
}
