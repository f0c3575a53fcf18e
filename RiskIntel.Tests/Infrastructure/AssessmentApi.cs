using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>Calls of the assessment API that tests make again and again.</summary>
public static class AssessmentApi
{
    public static async Task<JsonElement> CreateAssessmentAsync(this HttpClient client, string name = "Nyeri dairy 2026", string company = "Nyeri Highlands Dairy Cooperative")
    {
        var response = await client.PostAsJsonAsync("/api/assessments", new { name, companyName = company, companyType = "Cooperative", country = "Kenya" });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid assessmentId, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/assessments/{assessmentId}/documents", form);
    }

    /// <summary>Checks a 202 with its Location and returns its <c>data</c> (jobId, status and whatever else the endpoint adds).</summary>
    public static async Task<JsonElement> AssertAcceptedDataAsync(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal($"/api/jobs/{data.GetProperty("jobId").GetGuid()}", response.Headers.Location?.ToString());
        return data;
    }

    /// <summary>Corrects every open mandatory field (and <paramref name="extra"/> corrections by field key).</summary>
    public static async Task CorrectGapsAsync(this HttpClient client, Guid assessment, IReadOnlyDictionary<string, string>? extra = null)
    {
        var gaps = (await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/gaps"))!;
        var items = gaps
            .Where(g => (g.GetProperty("isMandatory").GetBoolean() && g.GetProperty("status").GetString() != "VERIFIED") || extra?.ContainsKey(g.GetProperty("field").GetString()!) == true)
            .Select(g => new
            {
                id = g.GetProperty("id").GetGuid(),
                correction = extra?.GetValueOrDefault(g.GetProperty("field").GetString()!)
                    ?? $"Confirmed with the cooperative's manager: {g.GetProperty("label").GetString()} is covered in the 2025 annual report.",
            })
            .ToArray();
        (await client.PutAsJsonAsync($"/api/assessments/{assessment}/gaps", new { items })).EnsureSuccessStatusCode();
    }
}
