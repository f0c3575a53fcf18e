using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Tests.Fakes;

/// <summary>Records every log entry (category, level, message and the string form of each structured value).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Every message and structured value, for "does this secret appear anywhere" checks.</summary>
    public IEnumerable<string> AllText() => Entries.SelectMany(e => e.Values.Prepend(e.Message));

    public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<string> Values);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}").ToList()
                : [];
            provider.Entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), values));
        }
    }
}
