using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

public sealed partial class JobActivityCharts
{
    private List<ChartSeries<double>> _throughput = [];
    private List<ChartSeries<double>> _latency = [];

    // Finished work in the status colours the job views use (completed green, failed red); latency in two blues.
    private static readonly ChartOptions ThroughputOptions = new() { ChartPalette = ["#2e7d32", "#c62828"] };
    private static readonly ChartOptions LatencyOptions = new() { ChartPalette = ["#1565c0", "#6a1b9a"] };
    private string[] _labels = [];

    [Parameter]
    [EditorRequired]
    public JobActivity Activity { get; set; } = default!;

    private int SliceMinutes => Activity.Slices.Count == 0 ? 5 : (int)Math.Round(60.0 / Activity.Slices.Count);

    private JobActivity? _built;
    private bool _stale;

    // The monitor re-renders on every job change; the charts only when the activity they show was recomputed.
    protected override bool ShouldRender()
    {
        var render = _stale;
        _stale = false;
        return render;
    }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_built, Activity))
        {
            return;
        }

        _built = Activity;
        _stale = true;
        var slices = Activity.Slices;

        // Every other label, as local clock times, so twelve slices stay readable on a narrow card.
        _labels = [.. slices.Select((s, i) => i % 2 == 0 ? s.Start.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture) : "")];
        _throughput =
        [
            new() { Name = "Completed", Data = new ChartData<double>(slices.Select(s => (double)s.Completed).ToArray()) },
            new() { Name = "Failed", Data = new ChartData<double>(slices.Select(s => (double)s.Failed).ToArray()) },
        ];
        _latency =
        [
            new() { Name = "Queue (created → started)", Data = new ChartData<double>(slices.Select(s => s.QueueP95Ms).ToArray()) },
            new() { Name = "Run (started → finished)", Data = new ChartData<double>(slices.Select(s => s.RunP95Ms).ToArray()) },
        ];
    }
}
