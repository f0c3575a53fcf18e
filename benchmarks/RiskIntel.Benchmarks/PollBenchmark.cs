namespace RiskIntel.Benchmarks;

internal static class PollBenchmark
{
    public static Task RunAsync(IReadOnlyList<string> args) => Task.CompletedTask;
}
