using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RiskIntel.Benchmarks.Engine;
using RiskIntel.Benchmarks.Web;
using static RiskIntel.Benchmarks.Engine.Stats;

namespace RiskIntel.Benchmarks;

/// <summary>
/// <c>poll</c>: 64 keep-alive clients polling one finished job's <c>GET /api/jobs/{id}</c> (bearer token, the whole
/// app pipeline), against a bare Kestrel endpoint that returns the same bytes from memory, and again with
/// <c>If-None-Match</c> (304). The three run in turn, for the same time each, three rounds.
/// </summary>
internal static class PollBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var seconds = args.Count > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var clients = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        await using var app = new BenchmarkApp();
        app.Start();
        var (token, _) = await app.SignInAsync();
        using var setup = new HttpClient { BaseAddress = app.Address };
        setup.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var accepted = await setup.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "Summarise: maize on 400 ha, one borehole, two buyers." });
        var jobId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("jobId").GetGuid();
        HttpResponseMessage job;
        do
        {
            await Task.Delay(50);
            job = await setup.GetAsync($"/api/jobs/{jobId}");
        }
        while (!(await job.Content.ReadAsStringAsync()).Contains("\"COMPLETED\"", StringComparison.Ordinal));

        var bytes = await job.Content.ReadAsByteArrayAsync();
        var etag = job.Headers.ETag!;
        await using var bare = await StartBareAsync(bytes);

        // /api/auth/me: the same pipeline (bearer, authorization, routing) with a trivial handler, the floor of any API call.
        var rounds = new Dictionary<string, List<double>> { ["bare"] = [], ["api"] = [], ["api-304"] = [], ["auth-me"] = [] };
        for (var round = 0; round < 3; round++)
        {
            rounds["bare"].Add(await LoadAsync(new Uri(bare.Urls.First()), "/job", null, null, clients, seconds));
            rounds["api"].Add(await LoadAsync(app.Address, $"/api/jobs/{jobId}", token, null, clients, seconds));
            rounds["api-304"].Add(await LoadAsync(app.Address, $"/api/jobs/{jobId}", token, etag, clients, seconds));
            rounds["auth-me"].Add(await LoadAsync(app.Address, "/api/auth/me", token, null, clients, seconds));
        }

        var bareRate = Median(rounds["bare"]);
        Console.WriteLine($"| target | requests/s (median of 3, ±half spread) | ÷ bare | bytes |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, values) in rounds)
        {
            Console.WriteLine($"| {name} | {F(Median(values), "0")} (±{F(SpreadPercent(values) / 2, "0")} %) | {F(Median(values) / bareRate, "0.00")} | {(name switch { "api-304" => "0", "auth-me" => "-", _ => bytes.Length.ToString(CultureInfo.InvariantCulture) })} |");
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = "poll", clients, seconds, bytes = bytes.Length,
            results = rounds.Select(r => new { target = r.Key, requestsPerSecond = Median(r.Value), ratioToBare = Median(r.Value) / bareRate, rounds = r.Value }),
        }, EngineBenchmark.JsonOptions));
    }

    private static async Task<WebApplication> StartBareAsync(byte[] bytes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{BenchmarkApp.FreePort()}");
        var app = builder.Build();
        app.MapGet("/job", () => Results.Bytes(bytes, "application/json"));
        await app.StartAsync();
        return app;
    }

    private static async Task<double> LoadAsync(Uri address, string path, string? token, EntityTagHeaderValue? etag, int clients, double seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = address };
        var stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var n = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (etag is not null)
                {
                    request.Headers.IfNoneMatch.Add(etag);
                }

                using var response = await http.SendAsync(request);
                await response.Content.CopyToAsync(Stream.Null);
                if ((int)response.StatusCode is not (200 or 304))
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                n++;
            }

            return n;
        })));
        return counts.Sum() / seconds;
    }
}
