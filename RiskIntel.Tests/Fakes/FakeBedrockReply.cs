namespace RiskIntel.Tests.Fakes;

/// <summary>One scripted answer of <see cref="FakeBedrockServer"/>.</summary>
public sealed record FakeBedrockReply
{
    public int Status { get; init; } = 200;

    /// <summary>The AWS error name sent in <c>x-amzn-ErrorType</c>; null sends no header (proxy-style errors).</summary>
    public string? ErrorType { get; init; }

    public string? Message { get; init; }

    public string? Text { get; init; }

    public string StopReason { get; init; } = "end_turn";

    /// <summary>Wait before answering, to go past a client timeout.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Drop the connection without an answer.</summary>
    public bool Abort { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeBedrockReply Ok(string? text = null) => new() { Text = text };

    public static FakeBedrockReply Error(int status, string errorType, string message = "scripted error") =>
        new() { Status = status, ErrorType = errorType, Message = message };

    public static FakeBedrockReply Throttled(string message = "Too many requests, please wait before trying again.") =>
        Error(429, "ThrottlingException", message);

    public static FakeBedrockReply Plain(int status) => new() { Status = status, Message = $"HTTP {status} from a proxy" };

    public static FakeBedrockReply Slow(TimeSpan delay) => new() { Delay = delay };
}

/// <summary>What the fake recorded of one request.</summary>
public sealed record FakeBedrockRequest(
    string RawTarget, string ModelId, string Auth, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);
