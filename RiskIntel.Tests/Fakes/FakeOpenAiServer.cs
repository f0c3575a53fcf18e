using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Tests.Fakes;

/// <summary>A tiny OpenAI-compatible server on 127.0.0.1: <c>POST /v1/chat/completions</c> with scripted statuses.</summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public IReadOnlyList<JsonObject> Requests => [.. _requests];

    public List<string> Authorizations { get; } = [];

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var server = new FakeOpenAiServer();
        (server._app, var address) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", server.CompleteAsync));
        server.BaseUrl = new Uri(address, "/v1");
        return server;
    }

    public void Enqueue(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(_app);

    private async Task CompleteAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        _requests.Enqueue(request);
        lock (Authorizations)
        {
            Authorizations.Add(context.Request.Headers.Authorization.ToString());
        }

        context.Response.ContentType = "application/json";
        if (_statuses.TryDequeue(out var status) && status != 200)
        {
            context.Response.StatusCode = status;
            var error = new JsonObject { ["error"] = new JsonObject { ["message"] = $"scripted {status}", ["type"] = "scripted" } };
            await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
            return;
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1_763_800_000,
            ["model"] = request["model"]?.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "Local model says hi." },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 5, ["total_tokens"] = 16 },
        };
        await context.Response.WriteAsync(completion.ToJsonString(), context.RequestAborted);
    }
}
