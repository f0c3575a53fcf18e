using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Benchmarks;

/// <summary>
/// Parse throughput and peak memory for generated 1, 10 and 25 MB PDF and DOCX files (business-plan text
/// with a photo-sized noise image per page), and for the real PDFs of the parser's agreement test when
/// <c>RISKINTEL_TEST_PDFS</c> names their folder, beside pdftotext on the same PDFs. Each file is parsed in a
/// fresh child process: the first parse is the cold one (the JIT compiles PdfPig and our parser at tier 0), the
/// median of five parses after a warm-up is the warm rate of a server that has been parsing for a while. The child's
/// peak resident set (VmHWM) is the memory figure: it includes the runtime, as the target "4 × file size +
/// 150 MB" does.
/// </summary>
internal static class ParseBenchmark
{
    private const int MeasuredRuns = 5;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var sizes = args.Count > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 10, 25];
        var folder = Directory.CreateTempSubdirectory("riskintel-parse-bench-");
        Console.WriteLine("| document | format | file MB | pages | cold s | warm s | warm pages/s | warm MB/s | peak RSS MB | bound MB (4×size+150) | allocated MB | pdftotext s | pdftotext pages/s | PdfPig/pdftotext warm (cold) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        try
        {
            foreach (var megabytes in sizes)
            {
                foreach (var kind in new[] { DocumentKind.Pdf, DocumentKind.Docx })
                {
                    await MeasureAsync($"generated {megabytes} MB", BenchmarkDocuments.Write(folder.FullName, kind, megabytes), kind);
                }
            }

            if (Environment.GetEnvironmentVariable("RISKINTEL_TEST_PDFS") is { Length: > 0 } real && Directory.Exists(real))
            {
                foreach (var path in Directory.GetFiles(real, "*.pdf").Order(StringComparer.Ordinal))
                {
                    await MeasureAsync(Path.GetFileName(path), path, DocumentKind.Pdf);
                }
            }
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("RISKINTEL_BENCH_KEEP") is null)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                Console.WriteLine($"files kept in {folder.FullName}");
            }
        }
    }

    private static async Task MeasureAsync(string name, string path, DocumentKind kind)
    {
        var bytes = new FileInfo(path).Length / (1024.0 * 1024.0);
        var child = await RunChildAsync(path, kind);
        var bound = (4 * bytes) + 150;
        var line = FormattableString.Invariant(
            $"| {name} | {kind} | {bytes:0.0} | {child.Pages} | {child.ColdSeconds:0.000} | {child.WarmSeconds:0.000} | {child.Pages / child.WarmSeconds:0} | {bytes / child.WarmSeconds:0.0} | {child.PeakMb:0} | {bound:0} | {child.AllocatedMb:0} |");
        if (kind == DocumentKind.Pdf)
        {
            var poppler = await TimePdftotextAsync(path);
            var popRate = child.Pages / poppler;
            line += FormattableString.Invariant(
                $" {poppler:0.000} | {popRate:0} | {child.Pages / child.WarmSeconds / popRate:0.00} ({child.Pages / child.ColdSeconds / popRate:0.00}) |");
        }
        else
        {
            line += " – | – | – |";
        }

        Console.WriteLine(line);
    }

    /// <summary>
    /// The child side: one cold parse, warm-up parses until <see cref="WarmUp"/> has passed (tiered JIT has then
    /// recompiled the hot loops), then <see cref="MeasuredRuns"/> parses whose median is the warm time. Prints
    /// "pages coldSeconds warmSeconds allocatedMB peakMB".
    /// </summary>
    public static async Task RunOneAsync(IReadOnlyList<string> args)
    {
        var kind = Enum.Parse<DocumentKind>(args[1]);
        var parser = new DocumentParser(Options.Create(new DocumentsOptions()), NullLogger<DocumentParser>.Instance);
        var started = Stopwatch.GetTimestamp();
        var parsed = await parser.ParseAsync(args[0], kind, default);
        var cold = Stopwatch.GetElapsedTime(started).TotalSeconds;
        while (Stopwatch.GetElapsedTime(started) < WarmUp)
        {
            await parser.ParseAsync(args[0], kind, default);
        }

        var warm = new List<double>();
        double allocatedMb = 0;
        for (var run = 0; run < MeasuredRuns; run++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var timed = Stopwatch.GetTimestamp();
            parsed = await parser.ParseAsync(args[0], kind, default);
            warm.Add(Stopwatch.GetElapsedTime(timed).TotalSeconds);
            allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0);
        }

        var median = warm.Order().ElementAt(MeasuredRuns / 2);
        Console.WriteLine(FormattableString.Invariant($"{parsed.Metadata.Pages} {cold:0.0000} {median:0.0000} {allocatedMb:0.0} {PeakResidentMb():0.0}"));
    }

    private sealed record ChildResult(int Pages, double ColdSeconds, double WarmSeconds, double AllocatedMb, double PeakMb);

    private static async Task<ChildResult> RunChildAsync(string path, DocumentKind kind)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ParseBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "parse-one", path, kind.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var parts = output.Trim().Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new ChildResult((int)parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    private static async Task<double> TimePdftotextAsync(string path)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "/dev/null"]) { UseShellExecute = false })!;
            await process.WaitForExitAsync();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return best;
    }

    private static double PeakResidentMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
