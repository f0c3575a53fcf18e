using Bunit;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Jobs;

public sealed class JobActivityChartsTests : ComponentTestBase
{
    [Fact]
    public void Charts_ShowThroughputBarsAndLatencyLinesForEverySlice()
    {
        var start = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var slices = Enumerable.Range(0, 12)
            .Select(i => new JobActivitySlice(start.AddMinutes(5 * i), Completed: i * 3, Failed: i % 4 == 0 ? 1 : 0, 10 + i, 20 + i, 100, 150 + (10 * i)))
            .ToList();

        var cut = Render<JobActivityCharts>(p => p.Add(c => c.Activity, new JobActivity(slices)));

        var throughput = cut.Find("[data-testid=chart-throughput]");
        var latency = cut.Find("[data-testid=chart-latency]");
        Assert.Contains("Throughput", throughput.TextContent, StringComparison.Ordinal);
        Assert.Contains("per 5 minutes", throughput.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(throughput.QuerySelectorAll("svg rect, svg path"));
        Assert.Contains("Completed", throughput.TextContent, StringComparison.Ordinal);
        Assert.Contains("Queue (created → started)", latency.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(latency.QuerySelectorAll("svg path"));
    }
}
