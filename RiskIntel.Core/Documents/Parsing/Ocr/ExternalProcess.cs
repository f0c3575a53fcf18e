using System.Diagnostics;
using System.Text;

namespace RiskIntel.Core.Documents.Parsing.Ocr;

/// <summary>The outcome of an external program run: exit code, standard output (capped) and error text.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs a program without a shell, with a timeout; on cancellation or timeout the whole process tree is
/// killed, so a job's attempt timeout really stops the work. Output beyond the cap is discarded.
/// </summary>
internal static class ExternalProcess
{
    private const int MaxOutputChars = 4 * 1024 * 1024;

    public static async Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One OCR page at a time per job; tesseract's own threads would only fight the other jobs for cores.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var output = ReadCappedAsync(process.StandardOutput);
        var error = ReadCappedAsync(process.StandardError);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds:0} s");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>Whether the program is an executable file on the PATH.</summary>
    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var builder = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (builder.Length < MaxOutputChars)
            {
                builder.Append(buffer, 0, Math.Min(read, MaxOutputChars - builder.Length));
            }
        }

        return builder.ToString();
    }
}
