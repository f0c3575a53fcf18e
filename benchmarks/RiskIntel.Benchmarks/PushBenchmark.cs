using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Benchmarks.Engine;
using RiskIntel.Benchmarks.Web;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using static RiskIntel.Benchmarks.Engine.Stats;

namespace RiskIntel.Benchmarks;

/// <summary>
/// <c>push</c>: jobs submitted at 1, 100 and 1000 per second for a fixed time; for every COMPLETED change, the time
/// from its transition (the job's completedAt, set just before the commit) to its arrival at a SignalR .NET client
/// connected to /hubs/jobs over WebSockets, and at a subscriber of the in-process feed (what Blazor pages use).
/// </summary>
internal static class PushBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var seconds = args.Count > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        await using var app = new BenchmarkApp();
        app.Start();
        var (token, userId) = await app.SignInAsync();
        var hubLatencies = new ConcurrentBag<double>();
        var feedLatencies = new ConcurrentBag<double>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Address, "/hubs/jobs"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<JsonElement>("JobUpdated", job =>
        {
            if (job.GetProperty("status").GetString() == "COMPLETED")
            {
                hubLatencies.Add((DateTime.UtcNow - job.GetProperty("completedAt").GetDateTime().ToUniversalTime()).TotalMilliseconds);
            }
        });
        await hub.StartAsync();
        using var feed = app.Services.GetRequiredService<JobStatusFeed>().SubscribeUser(userId, change =>
        {
            if (change.Job.Status == JobStatus.Completed)
            {
                feedLatencies.Add((DateTime.UtcNow - change.Job.CompletedAt!.Value).TotalMilliseconds);
            }

            return Task.CompletedTask;
        });
        var jobs = app.Services.GetRequiredService<JobService>();

        var rows = new List<object>();
        Console.WriteLine("| jobs/s offered | seconds | jobs | hub p50 / p99 ms | feed p50 / p99 ms | hub received |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var rate in new[] { 1, 100, 1000 })
        {
            hubLatencies.Clear();
            feedLatencies.Clear();
            var duration = rate == 1 ? Math.Max(seconds * 2, 10) : seconds;
            var submitted = await OfferAsync(jobs, userId, rate, TimeSpan.FromSeconds(duration));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((hubLatencies.Count < submitted || feedLatencies.Count < submitted) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            var hubP = (Percentile(hubLatencies, 0.5), Percentile(hubLatencies, 0.99));
            var feedP = (Percentile(feedLatencies, 0.5), Percentile(feedLatencies, 0.99));
            Console.WriteLine($"| {rate} | {F(duration, "0")} | {submitted} | {F(hubP.Item1)} / {F(hubP.Item2)} | {F(feedP.Item1)} / {F(feedP.Item2)} | {hubLatencies.Count} |");
            rows.Add(new { rate, seconds = duration, jobs = submitted, hub = new { p50 = hubP.Item1, p99 = hubP.Item2, received = hubLatencies.Count }, feed = new { p50 = feedP.Item1, p99 = feedP.Item2 } });
        }

        Console.WriteLine(JsonSerializer.Serialize(new { suite = "push", results = rows }, EngineBenchmark.JsonOptions));
    }

    // Submissions paced in 10 ms ticks, each tick catching up to where the rate says it should be.
    private static async Task<int> OfferAsync(JobService jobs, string userId, int rate, TimeSpan duration)
    {
        var started = DateTime.UtcNow;
        var submitted = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var pending = new List<Task>();
        while (DateTime.UtcNow - started < duration && await timer.WaitForNextTickAsync())
        {
            var due = (int)((DateTime.UtcNow - started).TotalSeconds * rate) + 1;
            for (; submitted < due; submitted++)
            {
                var input = new JsonObject { ["userPrompt"] = $"push probe {submitted} {Guid.NewGuid()}" };
                pending.Add(jobs.SubmitAsync(new JobSubmission(JobType.AiPreview, input, userId), default));
            }
        }

        await Task.WhenAll(pending);
        return submitted;
    }
}
