using RiskIntel.Benchmarks;

// dotnet run -c Release --project benchmarks/RiskIntel.Benchmarks -- bedrock [quota/s] [calls] [initial rate/s]
// dotnet run -c Release --project benchmarks/RiskIntel.Benchmarks -- jobs [jobs] [concurrency]
var rest = args.Skip(1).ToList();
switch (args.FirstOrDefault())
{
    case "jobs":
        await JobThroughputBenchmark.RunAsync(rest);
        break;
    case "bedrock":
        await BedrockQuotaBenchmark.RunAsync(rest);
        break;
    default:
        Console.WriteLine("usage: RiskIntel.Benchmarks (bedrock [quota/s] [calls] [initial rate/s] | jobs [jobs] [concurrency])");
        break;
}
