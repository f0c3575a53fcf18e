namespace RiskIntel.Tests.Browser;

/// <summary>
/// A test that drives Debian's Chromium through Playwright (no browser download). Without the browser the
/// test reports itself skipped and why, unless <c>RISKINTEL_REQUIRE_ALL_TESTS=1</c> demands that it runs.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!IsAvailable && Environment.GetEnvironmentVariable("RISKINTEL_REQUIRE_ALL_TESTS") != "1")
        {
            Skip = $"No browser at {ChromiumPath}: install Debian's chromium package (apt-get install -y chromium) to run browser tests.";
        }
    }

    public static bool IsAvailable => File.Exists(ChromiumPath);
}
