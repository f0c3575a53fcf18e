using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

/// <summary>
/// Makes one attempt of a webhook delivery: POSTs the job's JSON (as <c>GET /api/jobs/{id}</c> shows it),
/// signed with HMAC-SHA256 over a timestamp and the body (each attempt signed afresh), records the attempt and schedules the next one with backoff when it fails.
/// Delivery is at least once: receivers deduplicate on <c>X-RiskIntel-Delivery</c>.
/// </summary>
public sealed partial class WebhookSender(
    HttpClient http,
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IWebhookScheduler scheduler,
    CallbackUrlPolicy policy,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string SignatureHeader = "X-RiskIntel-Signature";
    public const string DeliveryHeader = "X-RiskIntel-Delivery";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>: the time is signed with the body, so a receiver
    /// that refuses old times (README: five minutes) cannot be fed a captured delivery again.
    /// </summary>
    public static string Sign(string secret, long unixSeconds, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return string.Create(CultureInfo.InvariantCulture, $"t={unixSeconds},v1={mac}");
    }

    public async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: WebhookDeliveryStatus.Pending })
        {
            return;
        }

        if (delivery.NextAttemptAt > Now)
        {
            await scheduler.ScheduleAsync(delivery.Id, delivery.NextAttemptAt, cancellationToken);
            return;
        }

        var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == delivery.JobId, cancellationToken);
        var settings = options.CurrentValue;
        var started = time.GetTimestamp();
        if (policy.Check(delivery.Url) is { } refusal)
        {
            delivery.RecordFailure(null, refusal, 0, retryAt: null, Now);
        }
        else
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(job.ToDto(), ApiJson.Options);
            var (status, error) = await PostAsync(delivery, body, settings, cancellationToken);
            var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
            if (error is null)
            {
                delivery.RecordSuccess(status!.Value, elapsed, Now);
            }
            else
            {
                var retryAt = delivery.AttemptCount + 1 < settings.MaxAttempts
                    ? Now + new RetryBackoff(settings.RetryBaseDelay, settings.RetryMaxDelay).DelayFor(delivery.AttemptCount + 1)
                    : (DateTime?)null;
                delivery.RecordFailure(status, error, elapsed, retryAt, Now);
            }
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            return;
        }

        Log.Attempted(logger, delivery.Id, delivery.JobId, delivery.AttemptCount, delivery.Status, delivery.LastError);
        if (delivery is { Status: WebhookDeliveryStatus.Pending, NextAttemptAt: { } next })
        {
            await scheduler.ScheduleAsync(delivery.Id, next, CancellationToken.None);
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(
        WebhookDelivery delivery, byte[] body, WebhookOptions settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignatureHeader, Sign(settings.Secret!, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {settings.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} of job {JobId}: attempt {Attempt} -> {Status} {Error}")]
        public static partial void Attempted(ILogger logger, Guid deliveryId, Guid jobId, int attempt, WebhookDeliveryStatus status, string? error);
    }
}
