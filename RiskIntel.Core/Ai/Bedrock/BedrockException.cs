using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>A failed Bedrock call; <see cref="ClassifiedException.Kind"/> is the AWS error name, e.g. <c>ThrottlingException</c>.</summary>
public sealed class BedrockException(string kind, string message, bool isRetryable, Exception? innerException = null)
    : ClassifiedException(kind, message, isRetryable, innerException)
{
    /// <summary>The HTTP status Bedrock answered with, if it answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The <c>x-amzn-RequestId</c> of the failed call, for AWS support.</summary>
    public string? RequestId { get; init; }
}
