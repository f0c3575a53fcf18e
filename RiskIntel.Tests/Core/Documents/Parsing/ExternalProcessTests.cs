using RiskIntel.Core.Documents.Parsing.Ocr;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class ExternalProcessTests
{
    [ExternalToolFact("sh", "sleep")]
    public async Task Run_CancelledWhileRunning_KillsTheWholeProcessTree()
    {
        // sh starts sleep as a child: cancelling must end both, not just the shell.
        const string marker = "4711.25";
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExternalProcess.RunAsync("sh", ["-c", $"sleep {marker}; echo done"], TimeSpan.FromHours(1), cancellation.Token));

        Assert.DoesNotContain(Directory.GetDirectories("/proc").Select(ReadCommandLine), c => c.Contains(marker, StringComparison.Ordinal));
    }

    [ExternalToolFact("sh")]
    public async Task Run_Timeout_KillsAndThrowsTimeout()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => ExternalProcess.RunAsync("sh", ["-c", "sleep 4712.25"], TimeSpan.FromMilliseconds(300), default));
    }

    [ExternalToolFact("sh")]
    public async Task Run_Program_ReturnsExitCodeAndOutput()
    {
        var result = await ExternalProcess.RunAsync("sh", ["-c", "echo hello; echo oops >&2; exit 3"], TimeSpan.FromMinutes(1), default);

        Assert.Equal(new ProcessResult(3, "hello\n", "oops\n"), result);
    }

    private static string ReadCommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
