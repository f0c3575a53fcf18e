using System.Text.Json.Nodes;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

public sealed class RiskRuleTableTests
{
    [Fact]
    public void Default_EmbeddedTable_CoversEveryFieldWithBoundedRules()
    {
        var table = RiskRuleTable.Default;

        Assert.Equal(RiskTaxonomy.Fields.Select(f => f.Key), table.Subcategories.Select(s => s.Field.Key));
        Assert.All(table.Subcategories, s =>
        {
            Assert.Contains(s.Rules, r => r.RaisesRisk);
            Assert.Contains(s.Rules, r => !r.RaisesRisk);
            Assert.All(s.Rules, r => Assert.InRange(Math.Abs(r.Effect), 1, table.MaxRuleEffect));
        });
        Assert.InRange(table.Subcategories.Sum(s => s.Rules.Count), 140, 200);
    }

    [Fact]
    public void Default_Opposition_IsSymmetric()
    {
        var weather = RiskRuleTable.Default.For("CLIMATE_ENVIRONMENTAL.weather_exposure");

        Assert.Contains("crop-insurance", weather.Rules.Single(r => r.Id == "no-insurance").Opposes);
        Assert.Contains("no-insurance", weather.Rules.Single(r => r.Id == "crop-insurance").Opposes);
    }

    [Theory]
    [InlineData("unknown-field", "unknown field 'FINANCIAL.turnover'")]
    [InlineData("effect-too-big", "FINANCIAL.credit/loan-arrears: effect 45 must be non-zero and within ±20")]
    [InlineData("missing-field", "TECHNOLOGY_DATA.analytics_capability: no rules for this field")]
    [InlineData("duplicate-id", "FINANCIAL.liquidity/loan-arrears: rule id is used twice in the table")]
    [InlineData("bad-pattern", "FINANCIAL.credit/loan-arrears: pattern '(unclosed' does not compile")]
    [InlineData("upper-case-pattern", "FINANCIAL.credit/loan-arrears: pattern 'Arrears' must be lower case")]
    [InlineData("risk-without-recommendation", "FINANCIAL.credit/loan-arrears: a risk rule needs a recommendation text")]
    [InlineData("opposes-same-sign", "FINANCIAL.credit/loan-arrears: opposes 'no-collateral', which must be a rule of the same field with the opposite sign")]
    [InlineData("baseline-out-of-range", "FINANCIAL.credit: baseline 120 must be in [0, 100]")]
    [InlineData("misspelt-property", "not valid JSON")]
    [InlineData("bad-priority", "recommendations.missingMandatory 'URGENT' must be HIGH, MEDIUM or LOW")]
    public void Parse_BrokenTable_IsRejectedWithTheProblemNamed(string breakage, string expected)
    {
        var json = Break(breakage);

        var error = Assert.Throws<RiskRuleTableException>(() => RiskRuleTable.Parse(json));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TheEmbeddedJson_GivesTheDefaultTable()
    {
        var table = RiskRuleTable.Parse(RiskRuleTable.ReadEmbeddedJson());

        Assert.Equal(RiskRuleTable.Default.Version, table.Version);
        Assert.Equal(RiskRuleTable.Default.Subcategories.Sum(s => s.Rules.Count), table.Subcategories.Sum(s => s.Rules.Count));
    }

    private static string Break(string breakage)
    {
        var root = JsonNode.Parse(RiskRuleTable.ReadEmbeddedJson())!;
        var subcategories = root["subcategories"]!.AsArray();
        JsonNode Field(string key) => subcategories.Single(s => (string)s!["field"]! == key)!;
        JsonNode Rule(string field, string id) => Field(field)["rules"]!.AsArray().Single(r => (string)r!["id"]! == id)!;
        var arrears = Rule("FINANCIAL.credit", "loan-arrears");
        switch (breakage)
        {
            case "unknown-field": Field("FINANCIAL.revenue")["field"] = "FINANCIAL.turnover"; break;
            case "effect-too-big": arrears["effect"] = 45; break;
            case "missing-field": subcategories.Remove(Field("TECHNOLOGY_DATA.analytics_capability")); break;
            case "duplicate-id": Rule("FINANCIAL.liquidity", "cash-shortfall")["id"] = "loan-arrears"; break;
            case "bad-pattern": arrears["patterns"] = new JsonArray("(unclosed"); break;
            case "upper-case-pattern": arrears["patterns"] = new JsonArray("Arrears"); break;
            case "risk-without-recommendation": arrears.AsObject().Remove("recommendation"); break;
            case "opposes-same-sign": arrears["opposes"] = new JsonArray("no-collateral"); break;
            case "baseline-out-of-range": Field("FINANCIAL.credit")["baseline"] = 120; break;
            case "misspelt-property": arrears["efect"] = 5; break;
            case "bad-priority": root["recommendations"]!["missingMandatory"] = "URGENT"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage));
        }

        return root.ToJsonString();
    }
}
