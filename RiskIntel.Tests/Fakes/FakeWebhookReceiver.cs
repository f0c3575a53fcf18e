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
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();

    private FakeWebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>Completes when a call answered with 2xx arrives.</summary>
    public TaskCompletionSource<ReceivedCall> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeWebhookReceiver> StartAsync(params int[] statusCodes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new FakeWebhookReceiver(app);
        foreach (var code in statusCodes)
        {
            receiver._script.Enqueue(code);
        }

        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new MemoryStream();
            await context.Request.Body.CopyToAsync(reader);
            var status = receiver._script.TryDequeue(out var scripted) ? scripted : 200;
            var call = new ReceivedCall(
                context.Request.Path, reader.ToArray(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), status);
            receiver.Calls.Enqueue(call);
            if (status is >= 200 and < 300)
            {
                receiver.Delivered.TrySetResult(call);
            }

            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record ReceivedCall(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers, int AnsweredWith);
}
