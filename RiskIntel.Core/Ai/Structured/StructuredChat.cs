using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RiskIntel.Core.Ai.Structured;

/// <summary>A model's JSON answer that passed validation, and what the call cost.</summary>
public sealed record StructuredAnswer<T>(T Value, string Model, long InputTokens, long OutputTokens, int Repairs);

/// <summary>
/// Asks a chat model for JSON and holds it to a schema: the answer is parsed (tolerating code fences and
/// prose around the object), checked by <c>validate</c>, and when it fails the model is shown its errors
/// once and asked for a corrected answer. A second failure is a <see cref="ModelOutputException"/>.
/// </summary>
public static class StructuredChat
{
    /// <param name="validate">Reads the JSON into <typeparamref name="T"/>, adding a readable line to the list for every schema breach.</param>
    public static async Task<StructuredAnswer<T>> GetJsonAsync<T>(
        IChatClient chat,
        IReadOnlyList<ChatMessage> prompt,
        Func<JsonElement, List<string>, T?> validate,
        ChatOptions? options,
        CancellationToken cancellationToken)
        where T : class
    {
        var messages = prompt.ToList();
        long inputTokens = 0, outputTokens = 0;
        string model = "unknown";
        for (var repair = 0; ; repair++)
        {
            var response = await chat.GetResponseAsync(messages, options, cancellationToken);
            inputTokens += response.Usage?.InputTokenCount ?? 0;
            outputTokens += response.Usage?.OutputTokenCount ?? 0;
            model = response.ModelId ?? options?.ModelId ?? chat.GetService<ChatClientMetadata>()?.DefaultModelId ?? model;

            var errors = new List<string>();
            var value = TryRead(response.Text, validate, errors);
            if (value is not null && errors.Count == 0)
            {
                return new StructuredAnswer<T>(value, model, inputTokens, outputTokens, repair);
            }

            if (repair == 1)
            {
                throw new ModelOutputException(
                    $"the model's answer did not match the expected JSON after one repair attempt: {string.Join("; ", errors.Take(5))}");
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, response.Text));
            messages.Add(new ChatMessage(ChatRole.User,
                "Your answer could not be used:\n- " + string.Join("\n- ", errors.Take(20))
                + "\nAnswer again with ONLY the corrected JSON object, no prose and no code fences."));
        }
    }

    private static T? TryRead<T>(string text, Func<JsonElement, List<string>, T?> validate, List<string> errors)
        where T : class
    {
        var json = ExtractObject(text);
        if (json is null)
        {
            errors.Add("the answer contains no JSON object");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            return validate(document.RootElement, errors);
        }
        catch (JsonException ex)
        {
            errors.Add($"the JSON does not parse: {ex.Message}");
            return null;
        }
    }

    /// <summary>The outermost <c>{ … }</c> of the answer, ignoring fences and text around it.</summary>
    internal static string? ExtractObject(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }
}
