using System.Text.Json.Nodes;

namespace RiskIntel.Core.Jobs;

/// <summary>A request to run work in the background, as the submitting endpoint received it.</summary>
public sealed record JobSubmission(
    JobType Type,
    JsonObject Input,
    string UserId,
    string? IdempotencyKey = null,
    string? CallbackUrl = null);
