using RiskIntel.Benchmarks;

// dotnet run -c Release --project benchmarks/RiskIntel.Benchmarks -- bedrock [quota/s] [calls] [initial rate/s]
// dotnet run -c Release --project benchmarks/RiskIntel.Benchmarks -- jobs [jobs] [concurrency]
// dotnet run -c Release --project benchmarks/RiskIntel.Benchmarks -- parse [sizes in MB, default 1 10 25]
var rest = args.Skip(1).ToList();
switch (args.FirstOrDefault())
{
    case "jobs":
        await JobThroughputBenchmark.RunAsync(rest);
        break;
    case "parse":
        await ParseBenchmark.RunAsync(rest);
        break;
    case "parse-one":
        await ParseBenchmark.RunOneAsync(rest);
        break;
    case "bedrock":
        await BedrockQuotaBenchmark.RunAsync(rest);
        break;
    default:
        Console.WriteLine("usage: RiskIntel.Benchmarks (bedrock [quota/s] [calls] [initial rate/s] | jobs [jobs] [concurrency] | parse [MB...])");
        break;
}
