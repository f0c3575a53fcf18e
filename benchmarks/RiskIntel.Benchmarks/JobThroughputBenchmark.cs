using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.Benchmarks;

/// <summary>
/// The job engine end to end on the embedded defaults (SQLite file, offline AI, Quartz in-process):
/// submit a burst of AI_PREVIEW jobs and measure jobs/s and submit-to-completed latency.
/// </summary>
internal static class JobThroughputBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var count = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Count > 1 ? args[1] : "8";
        var path = Path.Combine(Path.GetTempPath(), $"riskintel-bench-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RiskIntel"] = $"Data Source={path}",
            ["Jobs:MaxConcurrency"] = concurrency,
            ["Ai:MaxConcurrentJobs"] = concurrency,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddRiskIntelCore();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        using var host = builder.Build();
        await host.StartAsync();

        var submittedAt = new ConcurrentDictionary<Guid, long>();
        var latencies = new ConcurrentBag<double>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Services.GetRequiredService<JobStatusFeed>().SubscribeAll(change =>
        {
            if (change.Job.IsTerminal && submittedAt.TryGetValue(change.Job.Id, out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                if (latencies.Count == count)
                {
                    done.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });

        var jobs = host.Services.GetRequiredService<JobService>();
        var idle = await MeasureIdleLatencyAsync(host.Services, jobs, samples: 30);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var input = new JsonObject { ["systemPrompt"] = "You assess {{company}}.", ["userPrompt"] = $"Plan {i}: maize, one borehole.", ["variables"] = new JsonObject { ["company"] = "Acme" } };
            var at = Stopwatch.GetTimestamp();
            var job = await jobs.SubmitAsync(new JobSubmission(RiskIntel.Core.Jobs.JobType.AiPreview, input, "bench-user"), ct);
            submittedAt[job.Job.Id] = at;
        });
        var submitSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var stats = await host.Services.GetRequiredService<JobStatistics>().GetAsync(default);
        await host.StopAsync();

        Console.WriteLine(FormattableString.Invariant($"idle engine, one job at a time ({idle.Started.Length} jobs): submit->PROCESSING p50 {At(idle.Started, 0.5):0.0} ms p95 {At(idle.Started, 0.95):0.0} ms; submit->COMPLETED p50 {At(idle.Completed, 0.5):0.0} ms p95 {At(idle.Completed, 0.95):0.0} ms"));
        Console.WriteLine(FormattableString.Invariant($"burst: {count} jobs, Jobs:MaxConcurrency: {concurrency}"));
        Console.WriteLine(FormattableString.Invariant($"submitted in {submitSeconds:0.00} s ({count / submitSeconds:0} submissions/s)"));
        Console.WriteLine(FormattableString.Invariant($"all completed in {total:0.00} s ({count / total:0} jobs/s end to end)"));
        Console.WriteLine(FormattableString.Invariant($"submit->terminal latency ms: p50 {At(sorted, 0.5):0} p95 {At(sorted, 0.95):0} max {sorted[^1]:0}"));
        Console.WriteLine(FormattableString.Invariant($"engine stats: completed {stats.CompletedLastHour}, failed {stats.FailedLastHour}, queue p50/p95 {stats.QueueLatencyMs.P50}/{stats.QueueLatencyMs.P95} ms, run p50/p95 {stats.RunLatencyMs.P50}/{stats.RunLatencyMs.P95} ms"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task<(double[] Started, double[] Completed)> MeasureIdleLatencyAsync(IServiceProvider services, JobService jobs, int samples)
    {
        var started = new List<double>();
        var completed = new List<double>();
        var feed = services.GetRequiredService<JobStatusFeed>();
        for (var i = 0; i < samples; i++)
        {
            var processing = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            var finished = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            var at = Stopwatch.GetTimestamp();
            using var subscription = feed.SubscribeAll(change =>
            {
                var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                if (change.Job.Status == JobStatus.Processing)
                {
                    processing.TrySetResult(ms);
                }
                else if (change.Job.IsTerminal)
                {
                    finished.TrySetResult(ms);
                }

                return Task.CompletedTask;
            });
            var input = new JsonObject { ["userPrompt"] = $"Idle probe {i}", ["variables"] = new JsonObject() };
            await jobs.SubmitAsync(new JobSubmission(RiskIntel.Core.Jobs.JobType.AiPreview, input, "bench-idle"), default);
            started.Add(await processing.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            completed.Add(await finished.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        return ([.. started.Order()], [.. completed.Order()]);
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
