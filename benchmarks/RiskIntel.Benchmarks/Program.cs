using RiskIntel.Benchmarks;
using RiskIntel.Benchmarks.Analysis;
using RiskIntel.Benchmarks.Engine;
using RiskIntel.Benchmarks.Web;

// dotnet run -c Release --project benchmarks/RiskIntel.Benchmarks -- <suite> [arguments]
// One line per suite, so suites added on other branches merge without touching each other.
var suites = new Dictionary<string, (string Usage, Func<IReadOnlyList<string>, Task> Run)>
{
    ["engine"] = ("engine [rounds] [sizes, e.g. 1000,5000] [sqlite,postgres]", EngineBenchmark.RunAsync),
    ["push"] = ("push [seconds per rate]", PushBenchmark.RunAsync),
    ["poll"] = ("poll [seconds] [clients]", PollBenchmark.RunAsync),
    ["jobs"] = ("jobs [jobs] [concurrency]", JobThroughputBenchmark.RunAsync),
    ["bedrock"] = ("bedrock [quota/s] [calls] [initial rate/s]", BedrockQuotaBenchmark.RunAsync),
    ["parse"] = ("parse [sizes in MB, default 1 10 25] (and the PDFs in RISKINTEL_TEST_PDFS when set)", ParseBenchmark.RunAsync),
    ["analysis"] = ("analysis [runs, default 5] [pages of the long plan, default 100]", AnalysisBenchmark.RunAsync),
    ["upload"] = ("upload [megabytes, default 25] [Local|Database file store, default Local]", UploadBenchmark.RunAsync),
    ["cluster"] = ("cluster [backlog, default 200] [burst, default 500] (needs RISKINTEL_TEST_POSTGRES and RISKINTEL_TEST_REDIS)", ClusterBenchmark.RunAsync),
    ["parse-one"] = ("parse-one <file> <Pdf|Docx> (the measured parses of one file in this process; used by parse)", ParseBenchmark.RunOneAsync),
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.WriteLine("usage: RiskIntel.Benchmarks <suite> [arguments]");
    foreach (var (name, (usage, _)) in suites)
    {
        Console.WriteLine($"  {usage}");
    }

    return;
}

await suite.Run(args.Skip(1).ToList());
