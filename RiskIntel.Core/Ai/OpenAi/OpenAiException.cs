using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.OpenAi;

/// <summary>A failed call to an OpenAI-compatible server, classified like Bedrock's errors.</summary>
public sealed class OpenAiException(string kind, string message, bool isRetryable, Exception? innerException = null)
    : ClassifiedException(kind, message, isRetryable, innerException)
{
    /// <summary>The HTTP status the server answered with, if it answered.</summary>
    public int? StatusCode { get; init; }
}
