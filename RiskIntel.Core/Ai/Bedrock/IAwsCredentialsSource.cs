using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>Where SigV4 credentials come from; tests give static ones.</summary>
internal interface IAwsCredentialsSource
{
    /// <summary>The credentials to sign with, or null when none can be found.</summary>
    AWSCredentials? Resolve();
}

/// <summary>The standard AWS chain: environment variables, web identity, profile, container, instance metadata.</summary>
internal sealed class DefaultAwsCredentialsSource : IAwsCredentialsSource
{
    private readonly Lazy<AWSCredentials?> _credentials = new(ResolveChain);

    public AWSCredentials? Resolve() => _credentials.Value;

    private static AWSCredentials? ResolveChain()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
