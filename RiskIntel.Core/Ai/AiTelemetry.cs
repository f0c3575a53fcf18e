using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai;

/// <summary>Model calls, tokens and throttled answers by provider (System.Diagnostics.Metrics; the host exports them).</summary>
public static class AiTelemetry
{
    public const string Name = "RiskIntel.Ai";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("riskintel.ai.calls", "{call}", "Model calls, by provider and outcome");
    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("riskintel.ai.tokens", "{token}", "Tokens used, by provider and direction");
    private static readonly Counter<long> Throttles = Meter.CreateCounter<long>("riskintel.ai.throttles", "{answer}", "Throttled answers of the model service, retried or not");

    internal static void RecordThrottle(string provider) => Throttles.Add(1, new KeyValuePair<string, object?>("provider", provider));

    internal static void RecordCall(string provider, string outcome, UsageDetails? usage)
    {
        var by = new KeyValuePair<string, object?>("provider", provider);
        Calls.Add(1, by, new KeyValuePair<string, object?>("outcome", outcome));
        if (usage?.InputTokenCount is { } input)
        {
            Tokens.Add(input, by, new KeyValuePair<string, object?>("direction", "input"));
        }

        if (usage?.OutputTokenCount is { } output)
        {
            Tokens.Add(output, by, new KeyValuePair<string, object?>("direction", "output"));
        }
    }
}

/// <summary>Counts every call of the configured chat client, its outcome (the error kind when it fails) and its tokens.</summary>
internal sealed class MeteredChatClient(IChatClient inner, string provider) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            AiTelemetry.RecordCall(provider, "ok", response.Usage);
            return response;
        }
        catch (ClassifiedException e)
        {
            if (e.Kind == ErrorKinds.Throttling)
            {
                AiTelemetry.RecordThrottle(provider);
            }

            AiTelemetry.RecordCall(provider, e.Kind, null);
            throw;
        }
    }
}
