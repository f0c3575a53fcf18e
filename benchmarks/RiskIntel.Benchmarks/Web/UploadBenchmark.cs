using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Benchmarks.Engine;

namespace RiskIntel.Benchmarks.Web;

/// <summary>
/// <c>upload</c>: <c>POST /api/assessments/{id}/documents</c> of a 25 MB PDF-headed file into the whole app on Kestrel
/// in this process, measuring what the process allocates (GC) and how far its resident set peaks above where it
/// was (VmHWM after resetting it through /proc/self/clear_refs) while the request runs. Two uploads: one accepted
/// (202, its parse job starts as the answer goes out), and the same bytes again (409 after the whole body was
/// streamed, hashed and stored; no job), which isolates the upload path. The second argument picks <c>Files:Store</c>
/// (<c>Local</c> or <c>Database</c>, the benchmark's SQLite database). The client streams from disk; a control
/// row has the client hold the whole file in memory, to show the method sees a buffered upload.
/// </summary>
internal static class UploadBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var megabytes = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25;
        var store = args.Count > 1 ? args[1] : "Local";
        var folder = Directory.CreateTempSubdirectory("riskintel-upload-bench-");
        try
        {
            await using var app = new BenchmarkApp(new Dictionary<string, string>
            {
                ["Files:Root"] = Path.Combine(folder.FullName, "store"),
                ["Files:Store"] = store,
            });
            app.Start();
            var (token, _) = await app.SignInAsync();
            using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var warmUp = WriteFile(folder.FullName, "warm-up.pdf", 1, seed: 1);
            var file = WriteFile(folder.FullName, "plan-scan.pdf", megabytes, seed: 2);

            // Warm-up: JIT, connection, the first file-store write and parse job, on another assessment.
            await UploadAsync(client, await CreateAsync(client, "warm-up"), warmUp, expect: 202);
            var assessment = await CreateAsync(client, "upload benchmark");
            var rows = new List<UploadMeasurement>
            {
                await UploadAsync(client, assessment, file, expect: 202),
                await UploadAsync(client, assessment, file, expect: 409),
                await UploadAsync(client, assessment, file, expect: 409, bufferInClient: true),
            };

            Console.WriteLine($"file store {store}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine("| upload | status | file MB | seconds | MB/s | allocated MB | peak RSS growth MB | managed heap growth MB | gen0/1/2 GCs | target growth < file size |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var row in rows)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"| {row.Name} | {row.Status} | {row.FileMb:0.0} | {row.Seconds:0.00} | {row.FileMb / row.Seconds:0.0} | {row.AllocatedMb:0.0} | {row.PeakRssGrowthMb:0.0} | {row.HeapGrowthMb:0.0} | {row.Gcs} | {(row.PeakRssGrowthMb < row.FileMb && row.AllocatedMb < row.FileMb ? "met" : "not met")} |"));
            }

            Console.WriteLine(JsonSerializer.Serialize(new { suite = "upload", megabytes, store, results = rows }, EngineBenchmark.JsonOptions));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal sealed record UploadMeasurement(string Name, int Status, double FileMb, double Seconds, double AllocatedMb, double PeakRssGrowthMb, double HeapGrowthMb, string Gcs);

    private static async Task<UploadMeasurement> UploadAsync(HttpClient client, Guid assessment, string path, int expect, bool bufferInClient = false)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var rss = Memory.ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var started = Stopwatch.GetTimestamp();

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        using var form = new MultipartFormDataContent();
        HttpContent content = bufferInClient ? new ByteArrayContent(await File.ReadAllBytesAsync(path)) : new StreamContent(stream, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", Path.GetFileName(path));
        using var response = await client.PostAsync($"/api/assessments/{assessment}/documents", form);
        var body = await response.Content.ReadAsStringAsync();

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Memory.Mb;
        var peakGrowth = (Memory.PeakResident() - rss) / Memory.Mb;
        var heapGrowth = (GC.GetTotalMemory(forceFullCollection: false) - heap) / Memory.Mb;
        var collections = $"{GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}";
        if ((int)response.StatusCode != expect)
        {
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}, expected {expect}: {body}");
        }

        if (expect == 202)
        {
            await WaitForJobAsync(client, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("jobId").GetGuid());
        }

        var name = bufferInClient ? "control: the client holds the file in memory (same 409)"
            : expect == 202 ? "accepted: streamed, hashed, stored, parse job queued" : "same file again: streamed, hashed, then refused as a duplicate";
        return new UploadMeasurement(name, expect, new FileInfo(path).Length / Memory.Mb, seconds, allocatedMb, peakGrowth, heapGrowth, collections);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/assessments", new { name, companyName = "Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd", companyType = "Cooperative", country = "Kenya" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the parse job has ended (a random body fails as a corrupt PDF), so it does not overlap the next measurement.</summary>
    private static async Task WaitForJobAsync(HttpClient client, Guid jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");
            var dto = job.TryGetProperty("data", out var data) ? data : job;
            if (dto.GetProperty("status").GetString() is "COMPLETED" or "FAILED" or "CANCELLED")
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"job {jobId} did not finish within a minute");
    }

    /// <summary>A PDF header, then incompressible bytes: content detection accepts it as a PDF, the parser refuses it later.</summary>
    private static string WriteFile(string folder, string name, int megabytes, int seed)
    {
        var path = Path.Combine(folder, name);
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var file = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(buffer);
            if (i == 0)
            {
                "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.CopyTo(buffer);
            }

            file.Write(buffer);
        }

        return path;
    }
}
