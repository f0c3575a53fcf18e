namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

public sealed record WebhookAttemptDto(int Number, DateTime At, int? StatusCode, string? Error, long DurationMs);

public sealed record WebhookDeliveryDto(
    Guid Id, string Url, WebhookDeliveryStatus Status, int AttemptCount, DateTime CreatedAt,
    DateTime? NextAttemptAt, DateTime? DeliveredAt, string? LastError, IReadOnlyList<WebhookAttemptDto> Attempts);

public static class WebhookMappings
{
    public static WebhookDeliveryDto ToDto(this WebhookDelivery delivery) => new(
        delivery.Id, delivery.Url, delivery.Status, delivery.AttemptCount, delivery.CreatedAt, delivery.NextAttemptAt,
        delivery.DeliveredAt, delivery.LastError,
        delivery.Attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptDto(a.Number, a.At, a.StatusCode, a.Error, a.DurationMs)).ToList());
}
