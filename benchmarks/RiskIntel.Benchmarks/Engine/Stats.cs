using System.Diagnostics;
using System.Globalization;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>Percentiles, medians and spreads, and the process's CPU time.</summary>
internal static class Stats
{
    public static double Percentile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => Percentile(values.Where(v => !double.IsNaN(v)), 0.5);

    /// <summary>(max - min) / median of the rounds, as a percentage: how far one round's figure may be trusted.</summary>
    public static double SpreadPercent(IReadOnlyCollection<double> values)
    {
        var valid = values.Where(v => !double.IsNaN(v)).ToArray();
        return valid.Length < 2 ? 0 : 100 * (valid.Max() - valid.Min()) / Median(valid);
    }

    public static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU time of every process with this name (the database server's backends), from /proc.</summary>
    public static TimeSpan CpuOf(string processName)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close] != processName)
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
