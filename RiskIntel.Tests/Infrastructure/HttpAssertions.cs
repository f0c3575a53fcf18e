using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Reads the <c>{ data: { jobId } }</c> of a 202 and checks its Location header.</summary>
    public static async Task<Guid> AssertAcceptedJobAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("data").GetProperty("jobId").GetGuid();
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location?.ToString());
        return id;
    }

    public static async Task<JsonElement> GetJobJsonAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JobStatus Status(this JsonElement job) =>
        Enum.Parse<JobStatus>(job.GetProperty("status").GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}

public static class JobClientExtensions
{
    /// <summary>The <c>to</c> status of each entry of the job's event log.</summary>
    public static async Task<List<string>> GetJobEventsAsync(this HttpClient client, Guid id)
    {
        var events = await client.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{id}/events") ?? [];
        return events.Select(e => e.GetProperty("to").GetString()!).ToList();
    }
}
