namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>Amazon Bedrock Converse settings, bound from <c>Ai:Bedrock</c>.</summary>
public sealed class BedrockOptions
{
    /// <summary>AWS region of the Bedrock runtime, e.g. <c>us-east-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Model or inference-profile id (or ARN), e.g. <c>us.anthropic.claude-sonnet-4-5-20250929-v1:0</c>.</summary>
    public string? ModelId { get; set; }

    /// <summary>Service URL override (a proxy or a test server); default <c>https://bedrock-runtime.{Region}.amazonaws.com</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Bedrock API key sent as a bearer token; also read from <c>AWS_BEARER_TOKEN_BEDROCK</c>. When empty, SigV4 is used.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Region in the SigV4 credential scope when it differs from <see cref="Region"/> (custom endpoints).</summary>
    public string? SigningRegion { get; set; }

    /// <summary><c>inferenceConfig.maxTokens</c> when the caller sets none; quotas reserve this many tokens per call.</summary>
    public int MaxTokens { get; set; } = 4096;

    public BedrockResilienceOptions Resilience { get; set; } = new();
}
