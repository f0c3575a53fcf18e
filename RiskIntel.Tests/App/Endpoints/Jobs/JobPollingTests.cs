using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Jobs;

/// <summary>Polling <c>GET /api/jobs/{id}</c>: entity tags, 304 Not Modified, Retry-After, and no stale answer after a change.</summary>
public sealed class JobPollingTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Get_WithTheETagItGave_Answers304WithoutABody()
    {
        using var admin = await app.AdminAsync();
        var id = await SubmitAsync(admin, "poll me until it is done");
        await app.WaitForAsync(id, JobStatus.Completed);
        var first = await admin.GetAsync($"/api/jobs/{id}");
        var etag = first.Headers.ETag;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}");
        request.Headers.IfNoneMatch.Add(etag!);
        var second = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Null(first.Headers.RetryAfter);
    }

    [Fact]
    public async Task Snapshot_IsTheSameJsonAsTheApiSerializerWrites()
    {
        using var admin = await app.AdminAsync();
        var id = await SubmitAsync(admin, "same bytes, however they are made");
        var dto = await app.WaitForAsync(id, JobStatus.Completed);

        Assert.Equal(JsonSerializer.Serialize(dto, RiskIntel.Core.ApiJson.Options), System.Text.Encoding.UTF8.GetString(JobJson.Serialize(dto)));
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, string prompt)
    {
        var response = await client.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = $"{prompt} {Guid.NewGuid()}" });
        return await response.AssertAcceptedJobAsync();
    }
}
