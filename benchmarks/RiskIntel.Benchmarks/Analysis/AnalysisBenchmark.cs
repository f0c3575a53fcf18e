using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskIntel.Benchmarks.Engine;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Tests.Infrastructure.Documents;
using static RiskIntel.Benchmarks.Engine.Stats;

namespace RiskIntel.Benchmarks.Analysis;

/// <summary>
/// <c>analysis</c>: the offline RISK_ANALYSIS engine and REPORT_GENERATION (offline narrative, ReportModelBuilder on
/// SQLite, ReportPdfRenderer) on the sample plan's PDF and on a 100-page plan made of it, after parsing and gap
/// detection as the pipeline does them. Each step runs once to warm up, then N timed runs in this process.
/// </summary>
internal static class AnalysisBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var runs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var pages = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var folder = Directory.CreateTempSubdirectory("riskintel-analysis-bench-");
        await using var reports = await ReportRun.CreateAsync(folder.FullName);
        var longPdf = Path.Combine(folder.FullName, $"plan-{pages}-pages.pdf");
        File.WriteAllBytes(longPdf, SamplePdfWriter.Write(AnalysisPlans.Long(pages), new SamplePdfOptions(Finished: true)));
        var parser = new DocumentParser(Options.Create(new DocumentsOptions()), NullLogger<DocumentParser>.Instance);
        var results = new List<object>();
        Console.WriteLine($"{runs} timed runs per step after one warm-up; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| document | pages | words | parse ms | gap detection ms | analysis median / p95 ms | report median / p95 ms | report pages | report KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        try
        {
            foreach (var (name, path) in new[] { ("sample plan (samples/)", AnalysisPlans.SamplePdf), ($"{pages}-page plan", longPdf) })
            {
                var started = Stopwatch.GetTimestamp();
                var parsed = await parser.ParseAsync(path, DocumentKind.Pdf, default);
                var parseMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var document = new DocumentText(Guid.CreateVersion7(), Path.GetFileName(path), parsed.Pages);
                started = Stopwatch.GetTimestamp();
                var gaps = await new OfflineGapDetectionEngine().DetectAsync(
                    new GapDetectionRequest(ReportRun.Company, "cooperative", "Kenya", [document]), default);
                var gapMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var request = new RiskAnalysisRequest(ReportRun.Company, "cooperative", "Kenya", [document], [.. gaps.Gaps.Select(Reviewed)]);

                var engine = new OfflineRiskAnalysisEngine();
                RiskAnalysisOutcome outcome = default!;
                var analysisMs = await TimeAsync(runs, async () => outcome = await engine.AnalyzeAsync(request, default));
                RiskIntel.Core.Reports.Pdf.RenderedReport report = default!;
                var reportMs = await TimeAsync(runs, async () => report = await reports.GenerateAsync(outcome, default));

                Console.WriteLine(FormattableString.Invariant(
                    $"| {name} | {parsed.Metadata.Pages} | {parsed.Metadata.Words} | {parseMs:0} | {gapMs:0} | {Median(analysisMs):0.0} / {Percentile(analysisMs, 0.95):0.0} | {Median(reportMs):0} / {Percentile(reportMs, 0.95):0} | {report.Pages} | {report.Bytes / 1024.0:0} |"));
                results.Add(new
                {
                    document = name, pages = parsed.Metadata.Pages, words = parsed.Metadata.Words, parseMs, gapDetectionMs = gapMs,
                    analysis = new { medianMs = Median(analysisMs), p95Ms = Percentile(analysisMs, 0.95), runsMs = analysisMs },
                    report = new { medianMs = Median(reportMs), p95Ms = Percentile(reportMs, 0.95), runsMs = reportMs, pages = report.Pages, bytes = report.Bytes },
                    overall = outcome.OverallScore,
                });
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(JsonSerializer.Serialize(new { suite = "analysis", runs, results }, EngineBenchmark.JsonOptions));
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> step)
    {
        await step();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await step();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return times;
    }

    private static ReviewedGap Reviewed(DetectedGap gap) => new(
        gap.Field,
        gap.Status switch { GapStatus.Verified => ReviewedGapStatus.Verified, GapStatus.Partial => ReviewedGapStatus.Partial, _ => ReviewedGapStatus.Missing },
        gap.ExtractedValue, gap.Evidence, null, gap.IsMandatory);
}
