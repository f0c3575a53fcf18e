using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Scheduling;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

using RiskIntel.Tests.App.Endpoints.Jobs;

namespace RiskIntel.Tests.App.Endpoints.Jobs;

public sealed class JobStreamTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Stream_Owner_GetsCurrentStateThenChangesAndClosesAfterTheTerminalOne()
    {
        using var admin = await app.AdminAsync();
        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, "streamed");

        using var response = await admin.GetAsync($"/api/jobs/{id}/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();

        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (Event: lines.Single(l => l.StartsWith("event:", StringComparison.Ordinal))[6..].Trim(),
                Job: JsonSerializer.Deserialize<JsonElement>(lines.Single(l => l.StartsWith("data:", StringComparison.Ordinal))[5..])))
            .ToList();
        Assert.All(events, e => Assert.Equal("job", e.Event));
        Assert.All(events, e => Assert.Equal(id, e.Job.GetProperty("id").GetGuid()));
        Assert.Equal("COMPLETED", events[^1].Job.GetProperty("status").GetString());
        Assert.Single(events, e => e.Job.GetProperty("status").GetString() == "COMPLETED");
    }

    [Fact]
    public async Task Stream_FinishedJob_SendsItsStateAndCloses()
    {
        using var admin = await app.AdminAsync();
        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, "already done");
        await app.WaitForAsync(id, JobStatus.Completed);

        var body = await admin.GetStringAsync($"/api/jobs/{id}/stream");

        Assert.Single(body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"status\":\"COMPLETED\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_AnotherUsersJob_Is404AndAnonymousIs401()
    {
        using var admin = await app.AdminAsync();
        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, "not yours");
        var (analyst, _) = await app.NewUserAsync();
        using var anonymous = app.CreateClient();

        await (await analyst.GetAsync($"/api/jobs/{id}/stream")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/jobs/{id}/stream")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "test-webhook-secret";
    private FakeWebhookReceiver _receiver = null!;
    private RiskIntelAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _receiver = await FakeWebhookReceiver.StartAsync(500, 503, 200);
        _app = new RiskIntelAppFactory()
            .With("Webhooks:Secret", Secret)
            .With("Webhooks:AllowedHosts:0", _receiver.Address.Authority)
            .With("Webhooks:RetryBaseDelay", "00:00:00.050");
    }

    [Fact]
    public async Task Callback_FinishedJob_IsPostedSignedAndRetriedUntilDelivered()
    {
        using var admin = await _app.AdminAsync();
        var callback = new Uri(_receiver.Address, "/hooks/riskintel").ToString();
        var attempts = await DeliveryAttemptsFinished.ListenAsync(_app, count: 3);

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "call me back", callbackUrl = callback });
        var id = await response.AssertAcceptedJobAsync();
        var delivered = await _receiver.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var signature = delivered.Headers[WebhookSender.SignatureHeader];
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", signature);
        Assert.True(WebhookReceiverExample.IsValid(Secret, signature, delivered.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var job = JsonSerializer.Deserialize<JsonElement>(delivered.Body);
        Assert.Equal(id, job.GetProperty("id").GetGuid());
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal([500, 503, 200], _receiver.Calls.Select(c => c.AnsweredWith));

        // The attempt is recorded after the receiver answers, inside the Quartz job: wait until that job has returned.
        await attempts.WaitAsync(TimeSpan.FromSeconds(60));
        var deliveries = await admin.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{id}/webhooks") ?? [];
        var delivery = Assert.Single(deliveries);
        Assert.Equal("DELIVERED", delivery.GetProperty("status").GetString());
        Assert.Equal([500, 503, 200], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task Callback_Signature_RejectsAReplayAfterFiveMinutesAndATamperedBody()
    {
        using var admin = await _app.AdminAsync();
        var callback = new Uri(_receiver.Address, "/hooks/replay").ToString();

        await (await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "sign me", callbackUrl = callback })).AssertAcceptedJobAsync();
        var delivered = await _receiver.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var signature = delivered.Headers[WebhookSender.SignatureHeader];
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivered.Body).Replace("COMPLETED", "FAILED", StringComparison.Ordinal));

        Assert.True(WebhookReceiverExample.IsValid(Secret, signature, delivered.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookReceiverExample.IsValid(Secret, signature, delivered.Body, DateTimeOffset.UtcNow.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookReceiverExample.IsValid(Secret, signature, tampered, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookReceiverExample.IsValid("another-secret", signature, delivered.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("http://evil.example.net/steal")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("not a url")]
    public async Task Callback_NotOnTheAllowList_Is400AtSubmission(string callbackUrl)
    {
        using var admin = await _app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "no", callbackUrl });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("callbackUrl", out _));
        Assert.Empty(_receiver.Calls);
    }

    [Fact]
    public async Task Webhooks_AnotherUsersJob_Is404()
    {
        using var admin = await _app.AdminAsync();
        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, "mine");
        var (analyst, _) = await _app.NewUserAsync();

        await (await analyst.GetAsync($"/api/jobs/{id}/webhooks")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _receiver.DisposeAsync();
    }
}

/// <summary>Completes once the webhook delivery job has run to its end the given number of times (each run records its attempt).</summary>
internal sealed class DeliveryAttemptsFinished(int count) : IJobListener
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finished;

    public string Name { get; } = $"test-deliveries-{Guid.NewGuid():N}";

    public static async Task<Task> ListenAsync(RiskIntelAppFactory app, int count)
    {
        var listener = new DeliveryAttemptsFinished(count);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(listener, [Matchers.Key(DeliverWebhookQuartzJob.Key)]);
        return listener._done.Task;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _finished) >= count)
        {
            _done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
