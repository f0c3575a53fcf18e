using System.Globalization;

namespace RiskIntel.App.Components.Reports;

/// <summary>File sizes as people read them, invariant culture: "842 KB", "1.4 MB".</summary>
public static class ReportSizes
{
    public static string Text(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB"),
    };
}
