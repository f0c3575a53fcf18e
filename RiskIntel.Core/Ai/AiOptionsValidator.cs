using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai.Bedrock;

namespace RiskIntel.Core.Ai;

/// <summary>Fails start-up when the chosen provider lacks a setting, naming the configuration key.</summary>
internal sealed class AiOptionsValidator(IAwsCredentialsSource credentials) : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var failures = options.Provider switch
        {
            AiProvider.Bedrock => ValidateBedrock(options.Bedrock),
            AiProvider.OpenAI => ValidateOpenAi(options),
            _ => [],
        };
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private List<string> ValidateBedrock(BedrockOptions bedrock)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(bedrock.Region))
        {
            failures.Add("Ai:Bedrock:Region is required when Ai:Provider is Bedrock (e.g. us-east-1).");
        }

        if (string.IsNullOrWhiteSpace(bedrock.ModelId))
        {
            failures.Add("Ai:Bedrock:ModelId is required when Ai:Provider is Bedrock.");
        }

        if (string.IsNullOrWhiteSpace(bedrock.ApiKey) && credentials.Resolve() is null)
        {
            failures.Add("Ai:Bedrock:ApiKey (or AWS_BEARER_TOKEN_BEDROCK) or AWS credentials (AWS_ACCESS_KEY_ID/"
                + "AWS_SECRET_ACCESS_KEY, AWS_PROFILE, instance role) are required when Ai:Provider is Bedrock.");
        }

        if (bedrock.Endpoint is { IsAbsoluteUri: false })
        {
            failures.Add("Ai:Bedrock:Endpoint must be an absolute URL.");
        }

        var r = bedrock.Resilience;
        if (r.MinRequestsPerSecond <= 0 || r.MinRequestsPerSecond > r.MaxRequestsPerSecond
            || r.InitialRequestsPerSecond < r.MinRequestsPerSecond || r.InitialRequestsPerSecond > r.MaxRequestsPerSecond)
        {
            failures.Add("Ai:Bedrock:Resilience requires 0 < MinRequestsPerSecond <= InitialRequestsPerSecond <= MaxRequestsPerSecond.");
        }

        if (r.DecreaseFactor is <= 0 or >= 1)
        {
            failures.Add("Ai:Bedrock:Resilience:DecreaseFactor must be between 0 and 1.");
        }

        if (r.CircuitBreakerMinimumThroughput < 2 || r.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("Ai:Bedrock:Resilience:CircuitBreakerMinimumThroughput must be at least 2 and CircuitBreakerFailureRatio in (0, 1].");
        }

        if (bedrock.MaxTokens < 1)
        {
            failures.Add("Ai:Bedrock:MaxTokens must be at least 1.");
        }

        return failures;
    }

    private static List<string> ValidateOpenAi(AiOptions options)
    {
        List<string> failures = [];
        if (options.OpenAI.Endpoint is not { IsAbsoluteUri: true })
        {
            failures.Add("Ai:OpenAI:Endpoint is required when Ai:Provider is OpenAI (e.g. http://127.0.0.1:11434/v1).");
        }

        if (string.IsNullOrWhiteSpace(options.OpenAI.Model))
        {
            failures.Add("Ai:OpenAI:Model is required when Ai:Provider is OpenAI.");
        }

        return failures;
    }
}
