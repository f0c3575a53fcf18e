using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Tests.Fakes;

/// <summary>
/// A local stand-in for the Bedrock runtime's Converse operation on 127.0.0.1: it checks SigV4 (with
/// <see cref="FakeSigV4"/>) or a bearer API key, insists on a percent-encoded model id, can enforce a
/// request-rate quota, answers from a FIFO script (else an echo) and records every request.
/// </summary>
public sealed class FakeBedrockServer : IAsyncDisposable
{
    public const string ErrorTypeSuffix = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    private readonly ConcurrentQueue<FakeBedrockReply> _script = new();
    private readonly ConcurrentQueue<FakeBedrockRequest> _requests = new();
    private readonly Queue<long> _accepted = new();
    private readonly Lock _quotaLock = new();
    private WebApplication? _app;
    private int _throttled;
    private int _succeeded;

    public string Region { get; init; } = "us-east-1";

    public string AccessKeyId { get; init; } = "AKIDEXAMPLE";

    public string SecretAccessKey { get; init; } = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>When set, SigV4 requests must carry and sign this <c>X-Amz-Security-Token</c>.</summary>
    public string? SessionToken { get; init; }

    /// <summary>When set, <c>Authorization: Bearer</c> with this key is accepted.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Accepted requests per rolling second; more are answered 429 ThrottlingException.</summary>
    public int? RequestsPerSecondQuota { get; set; }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1");

    public IReadOnlyList<FakeBedrockRequest> Requests => [.. _requests];

    public int ThrottledCount => Volatile.Read(ref _throttled);

    public int SucceededCount => Volatile.Read(ref _succeeded);

    public static async Task<FakeBedrockServer> StartAsync(FakeBedrockServer? server = null)
    {
        server ??= new FakeBedrockServer();
        (server._app, server.Endpoint) = await LoopbackServer.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    public void Enqueue(params FakeBedrockReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(_app);

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var queryAt = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
        var rawQuery = queryAt < 0 ? "" : rawTarget[(queryAt + 1)..];
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();

        var segments = rawPath.Split('/');
        if (context.Request.Method != "POST" || segments.Length < 4 || segments[1] != "model" || segments[^1] != "converse")
        {
            await ErrorAsync(context, 404, "UnknownOperationException", $"No operation at {rawPath}.");
            return;
        }

        if (segments.Length != 4 || segments[2].Contains(':', StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "ValidationException", $"The model id in {rawPath} is not one percent-encoded path segment.");
            return;
        }

        var modelId = Uri.UnescapeDataString(segments[2]);
        var (auth, authError) = Authenticate(context, rawPath, rawQuery, body);
        if (authError is not null)
        {
            await ErrorAsync(context, 403, authError.Value.Type, authError.Value.Message);
            return;
        }

        _requests.Enqueue(new FakeBedrockRequest(
            rawTarget,
            modelId,
            auth,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
            System.Text.Encoding.UTF8.GetString(body),
            DateTimeOffset.UtcNow));

        if (!WithinQuota())
        {
            Interlocked.Increment(ref _throttled);
            await ErrorAsync(context, 429, "ThrottlingException", "Too many requests, please wait before trying again.");
            return;
        }

        var reply = _script.TryDequeue(out var scripted) ? scripted : FakeBedrockReply.Ok();
        await ReplyAsync(context, reply, body);
    }

    private async Task ReplyAsync(HttpContext context, FakeBedrockReply reply, byte[] body)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Status != 200)
        {
            if (reply.ErrorType is null)
            {
                context.Response.StatusCode = reply.Status;
                await context.Response.WriteAsync(reply.Message ?? "", context.RequestAborted);
                return;
            }

            await ErrorAsync(context, reply.Status, reply.ErrorType, reply.Message ?? "scripted error");
            return;
        }

        if (ValidationProblem(body) is { } problem)
        {
            await ErrorAsync(context, 400, "ValidationException", problem);
            return;
        }

        Interlocked.Increment(ref _succeeded);
        var text = reply.Text ?? "Echo: " + LastUserText(body);
        var inputTokens = Math.Max(1, body.Length / 4);
        var outputTokens = Math.Max(1, text.Length / 4);
        var answer = new JsonObject
        {
            ["output"] = new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = new JsonArray(new JsonObject { ["text"] = text }),
                },
            },
            ["stopReason"] = reply.StopReason,
            ["usage"] = new JsonObject
            {
                ["inputTokens"] = inputTokens,
                ["outputTokens"] = outputTokens,
                ["totalTokens"] = inputTokens + outputTokens,
            },
            ["metrics"] = new JsonObject { ["latencyMs"] = 42 },
        };
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private (string Auth, (string Type, string Message)? Error) Authenticate(
        HttpContext context, string rawPath, string rawQuery, byte[] body)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return ApiKey is not null && authorization["Bearer ".Length..] == ApiKey
                ? ("bearer", null)
                : ("bearer", ("UnrecognizedClientException", "The security token included in the request is invalid."));
        }

        if (!authorization.StartsWith(FakeSigV4.Algorithm + " ", StringComparison.Ordinal))
        {
            return ("none", ("MissingAuthenticationTokenException", "Missing Authentication Token"));
        }

        var parts = authorization[(FakeSigV4.Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var credential = parts.GetValueOrDefault("Credential", "").Split('/');
        var signedHeaders = parts.GetValueOrDefault("SignedHeaders", "").Split(';');
        var amzDate = context.Request.Headers["X-Amz-Date"].ToString();
        if (credential.Length != 5 || credential[0] != AccessKeyId)
        {
            return ("sigv4", ("UnrecognizedClientException", "The security token included in the request is invalid."));
        }

        if (credential[2] != Region || credential[3] != "bedrock" || credential[4] != "aws4_request"
            || amzDate.Length != 16 || credential[1] != amzDate[..8]
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > TimeSpan.FromMinutes(5))
        {
            return ("sigv4", ("InvalidSignatureException", $"Credential scope or date is wrong: {parts.GetValueOrDefault("Credential")} at {amzDate}."));
        }

        var payloadHash = FakeSigV4.PayloadHash(body);
        var token = context.Request.Headers["X-Amz-Security-Token"].ToString();
        if (context.Request.Headers["X-Amz-Content-SHA256"].ToString() != payloadHash
            || !signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date")
            || (SessionToken is not null && (token != SessionToken || !signedHeaders.Contains("x-amz-security-token"))))
        {
            return ("sigv4", ("InvalidSignatureException", "Payload hash, signed headers or security token are wrong."));
        }

        var headers = signedHeaders
            .Select(name => KeyValuePair.Create(name, name == "host" ? context.Request.Host.Value ?? "" : context.Request.Headers[name].ToString()))
            .ToList();
        var expected = FakeSigV4.Sign(
            context.Request.Method, rawPath, rawQuery, headers, payloadHash, amzDate, Region, "bedrock", SecretAccessKey);
        return parts.GetValueOrDefault("Signature") == expected
            ? ("sigv4", null)
            : ("sigv4", ("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."));
    }

    private bool WithinQuota()
    {
        if (RequestsPerSecondQuota is not { } quota)
        {
            return true;
        }

        lock (_quotaLock)
        {
            var now = Stopwatch.GetTimestamp();
            while (_accepted.Count > 0 && Stopwatch.GetElapsedTime(_accepted.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= quota)
            {
                return false;
            }

            _accepted.Enqueue(now);
            return true;
        }
    }

    private static string? ValidationProblem(byte[] body)
    {
        try
        {
            var request = JsonNode.Parse(body)?.AsObject();
            if (request?["messages"] is not JsonArray { Count: > 0 } messages)
            {
                return "messages must not be empty.";
            }

            var blank = messages.SelectMany(m => m?["content"]?.AsArray() ?? [])
                .Any(c => c?["text"] is { } text && string.IsNullOrWhiteSpace(text.GetValue<string>()));
            return blank ? "The text field in the ContentBlock object is blank." : null;
        }
        catch (JsonException e)
        {
            return "Malformed JSON: " + e.Message;
        }
    }

    private static string LastUserText(byte[] body)
    {
        var messages = JsonNode.Parse(body)?["messages"]?.AsArray() ?? [];
        var last = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user");
        return string.Join(" ", last?["content"]?.AsArray().Select(c => c?["text"]?.GetValue<string>()) ?? []);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-amzn-ErrorType"] = type + ErrorTypeSuffix;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["message"] = message }.ToJsonString(), context.RequestAborted);
    }
}
