using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace RiskIntel.Core.Ai.OpenAi;

/// <summary>Builds the <see cref="IChatClient"/> for any OpenAI-compatible chat-completions server.</summary>
internal static class OpenAiChatClientFactory
{
    public static IChatClient Create(AiOptions options)
    {
        var openAi = options.OpenAI;
        var client = new ChatClient(
            openAi.Model,
            new ApiKeyCredential(string.IsNullOrWhiteSpace(openAi.ApiKey) ? "unused" : openAi.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = openAi.Endpoint,
                NetworkTimeout = options.RequestTimeout,
                RetryPolicy = new ClientRetryPolicy(Math.Max(0, openAi.MaxRetries)),
            });
        return new OpenAiErrorMappingChatClient(client.AsIChatClient(), options.RequestTimeout);
    }
}
