using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RiskIntel.Core.Jobs;
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

        var deliveries = await WaitForDeliveredRecordAsync(admin, id);
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

    private static async Task<JsonElement[]> WaitForDeliveredRecordAsync(HttpClient client, Guid id)
    {
        // The attempt is recorded just after the receiver answers; wait for that write through the feed-free path.
        for (var i = 0; i < 300; i++)
        {
            var deliveries = await client.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{id}/webhooks") ?? [];
            if (deliveries.Length > 0 && deliveries[0].GetProperty("status").GetString() != "PENDING")
            {
                return deliveries;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException("The delivery was never recorded.");
    }
}
