namespace RiskIntel.Benchmarks;

internal static class PushBenchmark
{
    public static Task RunAsync(IReadOnlyList<string> args) => Task.CompletedTask;
}
