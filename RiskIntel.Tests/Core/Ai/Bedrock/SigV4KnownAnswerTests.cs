using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai.Bedrock;

public sealed class SigV4KnownAnswerTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void FakeSigV4_AwsGetVanillaVector_GivesThePublishedSignature()
    {
        var signature = FakeSigV4.Sign(
            "GET",
            "/",
            "",
            [KeyValuePair.Create("host", "example.amazonaws.com"), KeyValuePair.Create("x-amz-date", "20150830T123600Z")],
            FakeSigV4.PayloadHash([]),
            "20150830T123600Z",
            "us-east-1",
            "service",
            Secret);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Fact]
    public void FakeSigV4_ModelIdSegment_IsEncodedOnceMoreInTheCanonicalUri()
    {
        Assert.Equal(
            "/model/us.anthropic.claude-3-5-sonnet-20241022-v2%253A0/converse",
            FakeSigV4.CanonicalUri("/model/us.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse"));
    }

    [Fact]
    public void AwsSdkSigner_BedrockConverseVector_AgreesWithTheFakeAndTheReference()
    {
        const string modelId = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
        var body = Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":[{"text":"hi"}]}]}""");
        var uri = new Uri($"https://bedrock-runtime.us-east-1.amazonaws.com/model/{Uri.EscapeDataString(modelId)}/converse");
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = uri, Content = body };
        request.Headers["Content-Type"] = "application/json";

        var result = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", Secret),
            Region = RegionEndpoint.USEast1,
            Service = "bedrock",
            SignedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });

        var authorization = result.Headers["Authorization"];
        var sdkSignature = authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..];
        var fakeSignature = FakeSigV4.Sign(
            "POST",
            uri.AbsolutePath,
            "",
            [
                KeyValuePair.Create("content-type", "application/json"),
                KeyValuePair.Create("host", "bedrock-runtime.us-east-1.amazonaws.com"),
                KeyValuePair.Create("x-amz-content-sha256", FakeSigV4.PayloadHash(body)),
                KeyValuePair.Create("x-amz-date", "20250101T000000Z"),
            ],
            FakeSigV4.PayloadHash(body),
            "20250101T000000Z",
            "us-east-1",
            "bedrock",
            Secret);

        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date", authorization, StringComparison.Ordinal);
        Assert.Equal(fakeSignature, sdkSignature);
        Assert.StartsWith("2f4b410e", sdkSignature, StringComparison.Ordinal);
        Assert.EndsWith("140671f", sdkSignature, StringComparison.Ordinal);
    }
}
