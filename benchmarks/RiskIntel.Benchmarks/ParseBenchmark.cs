using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Benchmarks;

/// <summary>
/// Parse throughput and peak memory for generated 1, 10 and 25 MB PDF and DOCX files (business-plan text
/// with a photo-sized noise image per page), beside pdftotext on the same PDFs. Each parse runs in a fresh
/// child process (parsed twice: the second run is timed, so JIT is excluded), whose peak resident set
/// (VmHWM) is the memory figure: it includes the runtime, as the target "4 × file size + 150 MB" does.
/// </summary>
internal static class ParseBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var sizes = args.Count > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 10, 25];
        var folder = Directory.CreateTempSubdirectory("riskintel-parse-bench-");
        Console.WriteLine("| format | file MB | pages | parse s | pages/s | MB/s | peak RSS MB | bound MB (4×size+150) | allocated MB | pdftotext s | pdftotext pages/s | PdfPig/pdftotext |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        try
        {
            foreach (var megabytes in sizes)
            {
                foreach (var kind in new[] { DocumentKind.Pdf, DocumentKind.Docx })
                {
                    var path = BenchmarkDocuments.Write(folder.FullName, kind, megabytes);
                    var bytes = new FileInfo(path).Length / (1024.0 * 1024.0);
                    var child = await RunChildAsync(path, kind);
                    var bound = (4 * bytes) + 150;
                    var line = FormattableString.Invariant($"| {kind} | {bytes:0.0} | {child.Pages} | {child.Seconds:0.00} | {child.Pages / child.Seconds:0.0} | {bytes / child.Seconds:0.00} | {child.PeakMb:0} | {bound:0} | {child.AllocatedMb:0} |");
                    if (kind == DocumentKind.Pdf)
                    {
                        var poppler = await TimePdftotextAsync(path);
                        var pigRate = child.Pages / child.Seconds;
                        var popRate = child.Pages / poppler;
                        line += FormattableString.Invariant($" {poppler:0.00} | {popRate:0.0} | {pigRate / popRate:0.00} |");
                    }
                    else
                    {
                        line += " – | – | – |";
                    }

                    Console.WriteLine(line);
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

    /// <summary>The child side: parse twice, print "pages seconds allocatedMB peakMB".</summary>
    public static async Task RunOneAsync(IReadOnlyList<string> args)
    {
        var kind = Enum.Parse<DocumentKind>(args[1]);
        var parser = new DocumentParser(Options.Create(new DocumentsOptions()), NullLogger<DocumentParser>.Instance);
        await parser.ParseAsync(args[0], kind, default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var parsed = await parser.ParseAsync(args[0], kind, default);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0);
        Console.WriteLine(FormattableString.Invariant($"{parsed.Metadata.Pages} {seconds:0.000} {allocatedMb:0.0} {PeakResidentMb():0.0}"));
    }

    private sealed record ChildResult(int Pages, double Seconds, double AllocatedMb, double PeakMb);

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
        var parts = output.Trim().Split(' ');
        return new ChildResult(int.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
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
