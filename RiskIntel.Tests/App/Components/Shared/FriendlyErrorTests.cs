using Bunit;
using RiskIntel.App.Components.Shared;

namespace RiskIntel.Tests.App.Components.Shared;

public sealed class FriendlyErrorTests : ComponentTestBase
{
    // What an unclassified failure of the OpenAI client looks like when a local model server does not answer in time.
    private const string WrappedTimeout =
        "AggregateException: One or more errors occurred. (The operation didn't complete within the allowed timeout of '00:01:40'.) "
        + "(Polly.Timeout.TimeoutRejectedException: NetworkTimeout)";

    [Theory]
    [InlineData(WrappedTimeout, "The AI service did not answer in time. Check the network connection, or try again later.")]
    [InlineData("ValidationException: unknown variables {{region}}, {{year}}", "No value was given for {{region}}, {{year}}. Fill in every variable of the prompt and run it again.")]
    [InlineData("ValidationException: userPrompt is required.", "The input was not accepted: userPrompt is required.")]
    [InlineData("ValidationException: Malformed input request: #/messages/0: required key [content] not found", "The input was not accepted. The technical details say which part.")]
    [InlineData("ThrottlingException: Too many requests, please wait before trying again.", "The AI service is handling too many requests. RiskIntel retried; wait a minute and try again.")]
    [InlineData("AccessDeniedException: The security token included in the request is invalid.", "The AI service refused RiskIntel's credentials. An administrator needs to check the AI provider's key, region and model access.")]
    [InlineData("'<' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.", "The text is not valid JSON.")]
    [InlineData("HttpRequestException: Connection refused (127.0.0.1:11434)", "The AI service could not be reached. Check that it is running and that this computer can reach it.")]
    [InlineData("NullReferenceException: Object reference not set to an instance of an object.", "Something went wrong that RiskIntel cannot explain in plain words. The technical details may help an administrator.")]
    public void Explain_KnownErrors_ReadAsAPlainSentence(string error, string sentence) =>
        Assert.Equal(sentence, ErrorExplainer.Explain(error).Sentence);

    [Fact]
    public void Explain_StackTrace_IsLeftOutOfTheDetails()
    {
        var explained = ErrorExplainer.Explain("TimeoutException: The operation timed out.\n   at RiskIntel.Core.Ai.Thing.Run()\n   at Other()");

        Assert.Equal("TimeoutException: The operation timed out.", explained.Detail);
    }

    [Fact]
    public async Task FriendlyError_ShowsTheSentence_AndTheRawTextOnlyAfterTheToggle()
    {
        var cut = Render<FriendlyError>(p => p.Add(c => c.Error, WrappedTimeout).Add(c => c.Lead, "The preview failed.").Add(c => c.TestId, "e"));

        Assert.Equal("The preview failed. The AI service did not answer in time. Check the network connection, or try again later.",
            string.Join(' ', cut.Find("[data-testid=e-sentence]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("AggregateException", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("false", cut.Find("[data-testid=e-toggle]").GetAttribute("aria-expanded"));

        await cut.Find("[data-testid=e-toggle]").ClickAsync(new());

        Assert.Equal(WrappedTimeout, cut.Find("[data-testid=e-detail]").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=e-toggle]").GetAttribute("aria-expanded"));

        await cut.Find("[data-testid=e-toggle]").ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=e-detail]"));
    }

    [Fact]
    public async Task FriendlyError_SentenceGivenByTheCaller_ReplacesTheExplanation_DetailsStayTheOriginal()
    {
        var cut = Render<FriendlyError>(p => p.Add(c => c.Error, "'n' is an invalid JSON literal.").Add(c => c.Sentence, "prompts.txt is not a prompt export.").Add(c => c.TestId, "e"));

        Assert.Equal("prompts.txt is not a prompt export.", cut.Find("[data-testid=e-sentence]").TextContent.Trim());
        await cut.Find("[data-testid=e-toggle]").ClickAsync(new());
        Assert.Equal("'n' is an invalid JSON literal.", cut.Find("[data-testid=e-detail]").TextContent);
    }
}
