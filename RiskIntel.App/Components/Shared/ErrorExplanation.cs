using System.Text.RegularExpressions;
using RiskIntel.Core.Errors;

namespace RiskIntel.App.Components.Shared;

/// <summary>An error as people read it: one plain sentence, and the original text for whoever has to fix it.</summary>
public sealed record ErrorExplanation(string Sentence, string Detail);

/// <summary>
/// Turns job errors (<c>Kind: message</c>, SPEC §4), client exceptions and parser messages into a sentence a user
/// understands. The kind decides first; markers inside the text (a wrapped timeout, a JSON parser's complaint)
/// catch what arrives unclassified, e.g. an <c>AggregateException</c> around a network timeout.
/// </summary>
public static partial class ErrorExplainer
{
    private const string Fallback = "Something went wrong that RiskIntel cannot explain in plain words. The technical details may help an administrator.";

    public static ErrorExplanation Explain(string error)
    {
        var detail = WithoutStackTrace(error);
        var match = KindPrefix().Match(detail);
        var kind = match.Success ? match.Groups["kind"].Value : "";
        var message = match.Success ? match.Groups["message"].Value.Trim() : detail;
        return new ErrorExplanation(Sentence(kind, message, detail), detail);
    }

    private static string Sentence(string kind, string message, string whole)
    {
        if (UnknownVariables().Matches(message) is { Count: > 0 } names && message.Contains("unknown variable", StringComparison.OrdinalIgnoreCase))
        {
            var list = string.Join(", ", names.Select(n => n.Value));
            return $"No value was given for {list}. Fill in every variable of the prompt and run it again.";
        }

        return kind switch
        {
            ErrorKinds.Validation => IsPlain(message) ? $"The input was not accepted: {message}" : "The input was not accepted. The technical details say which part.",
            ErrorKinds.Throttling => "The AI service is handling too many requests. RiskIntel retried; wait a minute and try again.",
            ErrorKinds.Timeout => "The AI service did not answer in time. Check the network connection, or try again later.",
            ErrorKinds.ServiceUnavailable => "The AI service could not be reached or is unavailable. Try again later; if it persists, an administrator should check the AI provider settings.",
            ErrorKinds.AccessDenied => "The AI service refused RiskIntel's credentials. An administrator needs to check the AI provider's key, region and model access.",
            ErrorKinds.ResourceNotFound => "Something the job needs no longer exists, for example a prompt version, a document or the model.",
            ErrorKinds.TransientStorage => "The database was briefly unavailable. Try again.",
            "ModelOutputException" => "The AI model answered, but not in the form RiskIntel asked for. Try again, or adjust the prompt.",
            _ => ByMarker(whole),
        };
    }

    private static string ByMarker(string text) =>
        Has(text, "NetworkTimeout", "timed out", "TaskCanceledException", "Timeout")
            ? "The AI service did not answer in time. Check the network connection, or try again later."
            : Has(text, "Connection refused", "No such host", "NetworkUnreachable", "HttpRequestException", "SocketException")
                ? "The AI service could not be reached. Check that it is running and that this computer can reach it."
                : Has(text, "is an invalid JSON", "invalid start of a value", "JsonException", "JsonReaderException", "Expected depth to be zero")
                    ? "The text is not valid JSON."
                    : Fallback;

    private static bool Has(string text, params string[] markers) =>
        markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>A message of our own validation reads fine; a service's schema complaint (paths, braces, codes) does not.</summary>
    private static bool IsPlain(string message) =>
        message.Length is > 0 and <= 160 && !message.Contains('\n', StringComparison.Ordinal) && !message.Contains('#', StringComparison.Ordinal)
        && !message.Contains('[', StringComparison.Ordinal) && !message.Contains("\":", StringComparison.Ordinal);

    private static string WithoutStackTrace(string error)
    {
        var trace = error.IndexOf("\n   at ", StringComparison.Ordinal);
        return (trace < 0 ? error : error[..trace]).Trim();
    }

    [GeneratedRegex(@"^(?<kind>[A-Za-z][A-Za-z0-9.]*Exception):\s*(?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex KindPrefix();

    [GeneratedRegex(@"\{\{\s*[A-Za-z_][A-Za-z0-9_.\-]*\s*\}\}")]
    private static partial Regex UnknownVariables();
}
