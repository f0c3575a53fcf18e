using System.Globalization;
using RiskIntel.Core.Gaps.Detection;
using Xunit.Abstractions;

namespace RiskIntel.Tests.Core.Gaps.Detection;

/// <summary>
/// The offline engine against hand-labelled business plans. A covered label agrees when the engine says
/// PARTIAL or VERIFIED, an omitted label when it says MISSING; ambiguous fields carry no label. The "heldout"
/// plans were never used to tune the lexicon, so their numbers are the honest estimate.
/// </summary>
public sealed class CorpusAgreementTests(ITestOutputHelper output)
{
    private const double Required = 0.80;

    [Fact]
    public async Task OfflineEngine_OnTheLabelledCorpus_AgreesOnAtLeast80PercentOfCoveredAndOfOmittedFields()
    {
        var engine = new OfflineGapDetectionEngine();
        var results = new List<PlanAgreement>();
        foreach (var plan in PlanFiles.Corpus())
        {
            var outcome = await engine.DetectAsync(new GapDetectionRequest("Partner", "cooperative", null, [plan.Document()]), default);
            results.Add(PlanAgreement.Measure(plan, outcome));
        }

        foreach (var result in results)
        {
            output.WriteLine(result.ToString());
        }

        var tuning = PlanAgreement.Sum("tuning", results.Where(r => r.Split == "tuning"));
        var heldOut = PlanAgreement.Sum("held-out", results.Where(r => r.Split == "heldout"));
        var all = PlanAgreement.Sum("overall", results);
        output.WriteLine(tuning.ToString());
        output.WriteLine(heldOut.ToString());
        output.WriteLine(all.ToString());

        Assert.True(results.Count(r => r.Split == "tuning") >= 8, "the tuning split needs at least 8 plans");
        Assert.True(results.Count(r => r.Split == "heldout") >= 3, "the held-out split needs at least 3 plans");
        foreach (var total in new[] { tuning, heldOut, all })
        {
            Assert.True(total.CoveredRate >= Required, $"{total.Name}: covered agreement {total.CoveredRate:P1} is below {Required:P0}");
            Assert.True(total.OmittedRate >= Required, $"{total.Name}: omitted agreement {total.OmittedRate:P1} is below {Required:P0}");
        }
    }
}

internal sealed record PlanAgreement(string Name, string Split, int Covered, int CoveredTotal, int Exact, int Omitted, int OmittedTotal, IReadOnlyList<string> Misses)
{
    public double CoveredRate => CoveredTotal == 0 ? 1 : (double)Covered / CoveredTotal;

    public double OmittedRate => OmittedTotal == 0 ? 1 : (double)Omitted / OmittedTotal;

    public static PlanAgreement Measure(LabelledPlan plan, GapDetectionOutcome outcome)
    {
        var status = outcome.Gaps.ToDictionary(g => g.Field, g => g.Status, StringComparer.Ordinal);
        var missedCovered = plan.Covered.Keys.Where(f => status[f] == GapStatus.Missing).Select(f => "covered but MISSING: " + f);
        var missedOmitted = plan.Omitted.Where(f => status[f] != GapStatus.Missing).Select(f => $"omitted but {Upper(status[f])}: {f}");
        return new PlanAgreement(plan.File, plan.Split,
            plan.Covered.Keys.Count(f => status[f] != GapStatus.Missing), plan.Covered.Count,
            plan.Covered.Count(p => Upper(status[p.Key]) == p.Value),
            plan.Omitted.Count(f => status[f] == GapStatus.Missing), plan.Omitted.Count,
            missedCovered.Concat(missedOmitted).ToList());
    }

    public static PlanAgreement Sum(string name, IEnumerable<PlanAgreement> plans)
    {
        var list = plans.ToList();
        return new PlanAgreement(name, name, list.Sum(p => p.Covered), list.Sum(p => p.CoveredTotal), list.Sum(p => p.Exact),
            list.Sum(p => p.Omitted), list.Sum(p => p.OmittedTotal), []);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} [{Split}]: covered {Covered}/{CoveredTotal} ({CoveredRate:P1}), omitted {Omitted}/{OmittedTotal} ({OmittedRate:P1}), "
        + $"exact status on covered {Exact}/{CoveredTotal}{string.Concat(Misses.Select(m => "\n    " + m))}");

    private static string Upper(GapStatus status) => status.ToString().ToUpperInvariant();
}
