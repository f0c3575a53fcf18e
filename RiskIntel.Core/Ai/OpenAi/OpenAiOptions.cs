namespace RiskIntel.Core.Ai.OpenAi;

/// <summary>An OpenAI-compatible chat-completions server, bound from <c>Ai:OpenAI</c>.</summary>
public sealed class OpenAiOptions
{
    /// <summary>Base URL including the version path, e.g. <c>http://127.0.0.1:11434/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; local servers usually ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Retries the OpenAI client makes itself for 429/5xx before the job runner's own retries.</summary>
    public int MaxRetries { get; set; } = 2;
}
