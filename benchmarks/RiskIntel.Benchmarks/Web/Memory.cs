using System.Globalization;

namespace RiskIntel.Benchmarks.Web;

/// <summary>This process's resident set from /proc: the current size, and the peak since the last reset.</summary>
internal static class Memory
{
    public const double Mb = 1024.0 * 1024.0;

    /// <summary>Resets VmHWM to the current resident set (writing 5 to clear_refs) and returns that size in bytes.</summary>
    public static long ResetPeak()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Read("VmRSS:");
    }

    public static long PeakResident() => Read("VmHWM:");

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
