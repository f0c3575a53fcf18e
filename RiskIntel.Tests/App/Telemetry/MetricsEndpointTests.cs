using System.Net;
using System.Net.Http.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Telemetry;

public sealed class MetricsEndpointTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Metrics_ForAnAdmin_ArePrometheusTextWithTheJobEngineCounters()
    {
        using var admin = await app.AdminAsync();
        var id = await (await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "count me: maize on 400 ha" })).AssertAcceptedJobAsync();
        await app.WaitForAsync(id, RiskIntel.Core.Jobs.JobStatus.Completed);

        var response = await admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("riskintel_jobs_submitted", text, StringComparison.Ordinal);
        Assert.Contains("type=\"AI_PREVIEW\"", text, StringComparison.Ordinal);
        Assert.Contains("riskintel_jobs_queue_depth", text, StringComparison.Ordinal);
        Assert.Contains("riskintel_ai_calls", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ForAnAnalystOrAnonymous_AreRefused()
    {
        var (analyst, _) = await app.NewUserAsync();
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
    }
}
