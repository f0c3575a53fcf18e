using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Tests.Fakes;

/// <summary>A webhook endpoint on 127.0.0.1 that answers with scripted status codes and records each call.</summary>
public sealed class FakeWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _script = new();
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>Completes when a call answered with 2xx arrives.</summary>
    public TaskCompletionSource<ReceivedCall> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeWebhookReceiver> StartAsync(params int[] statusCodes)
    {
        var receiver = new FakeWebhookReceiver();
        foreach (var code in statusCodes)
        {
            receiver._script.Enqueue(code);
        }

        (receiver._app, receiver.Address) = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", receiver.ReceiveAsync));
        return receiver;
    }

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(_app);

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var status = _script.TryDequeue(out var scripted) ? scripted : 200;
        var call = new ReceivedCall(
            context.Request.Path, body.ToArray(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), status);
        Calls.Enqueue(call);
        if (status is >= 200 and < 300)
        {
            Delivered.TrySetResult(call);
        }

        context.Response.StatusCode = status;
    }

    public sealed record ReceivedCall(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers, int AnsweredWith);
}
