using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// Authenticates each attempt: <c>Authorization: Bearer</c> with a Bedrock API key, otherwise SigV4
/// (service <c>bedrock</c>) with AWSSDK.Core's signer. It is the innermost handler, so every retry is
/// signed afresh with a new <c>X-Amz-Date</c>.
/// </summary>
internal sealed class BedrockAuthHandler(IOptionsMonitor<AiOptions> options, IAwsCredentialsSource credentials)
    : DelegatingHandler
{
    public const string SigningService = "bedrock";
    private static readonly string[] SignatureHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var header in SignatureHeaders)
        {
            request.Headers.Remove(header);
        }

        var bedrock = options.CurrentValue.Bedrock;
        if (!string.IsNullOrWhiteSpace(bedrock.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bedrock.ApiKey);
        }
        else
        {
            await SignAsync(request, bedrock, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task SignAsync(HttpRequestMessage request, BedrockOptions bedrock, CancellationToken cancellationToken)
    {
        var awsCredentials = credentials.Resolve()
            ?? throw new BedrockException("UnrecognizedClientException", "No AWS credentials were found to sign the Bedrock request.", false);
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri,
            Content = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken),
        };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["Content-Type"] = contentType.ToString();
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = awsCredentials,
            Region = RegionEndpoint.GetBySystemName(bedrock.SigningRegion ?? bedrock.Region),
            Service = SigningService,
        };
        var result = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken);
        foreach (var (name, value) in result.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}
