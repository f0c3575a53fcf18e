using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>Short-hands for the prompt library API in integration tests.</summary>
public static class PromptApi
{
    public const string Root = "/api/admin/prompts";

    public static async Task<JsonElement> CreatePromptAsync(
        this HttpClient client, string section = "RISK_ANALYSIS", string? name = null,
        string system = "You assess {{company}}.", string user = "Score the plan of {{company}}.", string[]? tags = null)
    {
        var response = await client.PostAsJsonAsync(Root, new
        {
            name = name ?? $"Prompt {Guid.NewGuid():N}",
            section,
            systemPrompt = system,
            userPromptTemplate = user,
            tags = tags ?? ["test"],
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> UpdatePromptAsync(this HttpClient client, JsonElement prompt, int basedOn, string? user = null, string? name = null) =>
        client.PutAsJsonAsync($"{Root}/{prompt.Id()}", new
        {
            name = name ?? prompt.GetProperty("name").GetString(),
            section = prompt.GetProperty("section").GetString(),
            systemPrompt = prompt.GetProperty("systemPrompt").GetString(),
            userPromptTemplate = user ?? prompt.GetProperty("userPromptTemplate").GetString(),
            tags = prompt.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray(),
            version = basedOn,
        });

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
