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
}
