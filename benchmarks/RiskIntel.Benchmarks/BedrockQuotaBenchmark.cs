using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskIntel.Core;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Benchmarks;

/// <summary>
/// Throughput of the Bedrock client under a request-rate quota: a burst of preview calls against the fake
/// Bedrock server, signed with SigV4 from environment credentials, as in production.
/// </summary>
internal static class BedrockQuotaBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var quota = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var calls = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var initialRate = args.Count > 2 ? args[2] : "10";

        await using var fake = await FakeBedrockServer.StartAsync(new FakeBedrockServer { RequestsPerSecondQuota = quota });
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", fake.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", fake.SecretAccessKey);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RiskIntel"] = "Data Source=:memory:",
            ["Ai:Provider"] = "Bedrock",
            ["Ai:Bedrock:Region"] = fake.Region,
            ["Ai:Bedrock:ModelId"] = "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            ["Ai:Bedrock:Endpoint"] = fake.Endpoint.ToString(),
            ["Ai:Bedrock:Resilience:InitialRequestsPerSecond"] = initialRate,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddRiskIntelCore();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IChatClient>();

        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var finished = new double[calls];
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            try
            {
                await client.GetResponseAsync(
                    [new(ChatRole.System, "You assess agricultural partners."), new(ChatRole.User, $"Preview {i}: summarise the plan.")]);
                finished[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
            catch (Exception e) when (e is RiskIntel.Core.Errors.ClassifiedException)
            {
                Interlocked.Increment(ref failures);
                Console.WriteLine($"call {i} failed: {e.Message}");
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var succeeded = calls - failures;
        var achieved = succeeded / elapsed;
        var ordered = finished.Where(t => t > 0).Order().ToArray();
        var half = ordered.Length / 2;
        var steady = ordered.Length > 1 ? (ordered.Length - half - 1) / (ordered[^1] - ordered[half]) : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calls                 {calls} (initial pace {initialRate}/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allowed rate          {quota} requests/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"elapsed               {elapsed:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"achieved rate         {achieved:F2} calls/s = {achieved / quota:P0} of allowed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"second-half rate      {steady:F2} calls/s = {steady / quota:P0} of allowed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throttled responses   {fake.ThrottledCount} of {fake.Requests.Count} requests ({(double)fake.ThrottledCount / fake.Requests.Count:P1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed calls          {failures}"));
    }
}
