using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobTelemetryTests
{
    [Fact]
    public async Task Run_SubmittedInsideATrace_RunsAsAChildOfTheSubmittingSpan()
    {
        var runs = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is JobTelemetry.Name or "submitting-request",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => runs.Enqueue(a),
        };
        ActivitySource.AddActivityListener(listener);
        using var requests = new ActivitySource("submitting-request");
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        JobDto job;
        string requestSpan;
        using (var request = requests.StartActivity("POST /api/admin/prompts/preview"))
        {
            job = await engine.SubmitAsync();
            requestSpan = request!.SpanId.ToHexString();
        }

        await engine.Runner.RunAsync(job.Id, default);

        var run = Assert.Single(runs, a => a.OperationName == "job.run" && Equals(a.GetTagItem("riskintel.job.id"), job.Id));
        Assert.Equal(requestSpan, run.ParentSpanId.ToHexString());
        Assert.Equal(runs.Single(a => a.OperationName.StartsWith("POST", StringComparison.Ordinal)).TraceId, run.TraceId);
    }

    [Fact]
    public async Task Run_CountsSubmittedStartedAndFinishedByType()
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JobTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "type", Value: "GAP_DETECTION" })
                {
                    seen.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
                }
            }
        });
        meters.Start();
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.GapDetection));
        var job = await engine.SubmitAsync(JobType.GapDetection);

        await engine.Runner.RunAsync(job.Id, default);

        Assert.True(seen.GetValueOrDefault("riskintel.jobs.submitted") >= 1);
        Assert.True(seen.GetValueOrDefault("riskintel.jobs.started") >= 1);
        Assert.True(seen.GetValueOrDefault("riskintel.jobs.finished") >= 1);
    }
}
