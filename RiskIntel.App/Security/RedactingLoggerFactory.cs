using System.Collections;

namespace RiskIntel.App.Security;

/// <summary>
/// Wraps the app's logger factory so that every logger, whatever provider writes it (console, JSON, OpenTelemetry,
/// a test's), sees log entries with query-string secrets cut (<see cref="LogRedaction"/>): in the message and in each
/// structured value. ASP.NET's own request log ("Request starting GET /api/jobs?access_token=…") included.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // A structured entry's message is made of its values, so checking those is enough (and formats nothing).
            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            var secret = values is null ? LogRedaction.Contains(formatter(state, exception)) : values.Any(v => LogRedaction.Contains(Text(v.Value)));
            if (!secret)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var message = LogRedaction.Redact(formatter(state, exception));
            inner.Log(logLevel, eventId, new RedactedState(message, values), exception, static (s, _) => s.Message);
        }
    }

    private static string? Text(object? value) => value switch
    {
        string text => text,
        Uri or PathString or QueryString => value.ToString(),
        _ => null,
    };

    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = (values ?? []).Select(v =>
            Text(v.Value) is { } text ? new KeyValuePair<string, object?>(v.Key, LogRedaction.Redact(text)) : v).ToArray();

        public string Message { get; } = message;

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
