using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>Turns Bedrock's error answers into <see cref="BedrockException"/>s (rest-json error protocol).</summary>
internal static class BedrockErrors
{
    public const string Throttling = ErrorKinds.Throttling;
    public const string ServiceUnavailable = ErrorKinds.ServiceUnavailable;
    public const string Timeout = ErrorKinds.Timeout;

    private static readonly HashSet<string> Retryable = new(StringComparer.Ordinal)
    {
        Throttling, ServiceUnavailable, "InternalServerException", "ModelNotReadyException", "ModelTimeoutException", Timeout,
    };

    private static readonly HashSet<string> NotRetryable = new(StringComparer.Ordinal)
    {
        "ValidationException", "AccessDeniedException", "ResourceNotFoundException", "ServiceQuotaExceededException",
        "ModelErrorException", "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
    };

    public static async Task<BedrockException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (bodyCode, message) = ParseBody(body);
        var kind = Normalize(ErrorTypeHeader(response)) ?? Normalize(bodyCode) ?? KindForStatus(status);
        return new BedrockException(kind, message ?? $"Bedrock answered HTTP {status}.", IsRetryable(kind, status))
        {
            StatusCode = status,
            RequestId = Header(response.Headers, "x-amzn-RequestId"),
            RetryAfter = RetryAfter(response),
        };
    }

    public static bool IsRetryable(string kind, int status) =>
        Retryable.Contains(kind) || (!NotRetryable.Contains(kind) && (status is 429 or >= 500));

    public static bool IsThrottling(HttpResponseMessage response) =>
        (int)response.StatusCode == 429 && Normalize(ErrorTypeHeader(response)) is null or Throttling;

    /// <summary>The wait the service asked for: <c>x-amz-retry-after</c> (milliseconds) or <c>Retry-After</c>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (Header(response.Headers, "x-amz-retry-after") is { } ms
            && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
        {
            // The service's number: capped so that a huge value cannot overflow a TimeSpan.
            return TimeSpan.FromMilliseconds(Math.Min(millis, (long)TimeSpan.FromDays(1).TotalMilliseconds));
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
            _ => null,
        };
    }

    private static string? ErrorTypeHeader(HttpResponseMessage response) => Header(response.Headers, "x-amzn-ErrorType");

    private static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var name = colon >= 0 ? code[..colon] : code;
        var hash = name.LastIndexOf('#');
        name = (hash >= 0 ? name[(hash + 1)..] : name).Trim();
        return name.Length == 0 ? null : name;
    }

    private static (string? Code, string? Message) ParseBody(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = json.RootElement;
            return (String(root, "code") ?? String(root, "Code") ?? String(root, "__type"),
                String(root, "message") ?? String(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, string.IsNullOrWhiteSpace(body) ? null : body.Trim());
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // Bedrock names the error itself almost always; a bare status gets the shared kinds.
    private static string KindForStatus(int status) => ErrorKinds.ForStatus(status).Kind;
}
