using System.Net;
using System.Net.Http.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Prompts;

public sealed class PromptsStoredPreviewTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    private const string Root = PromptApi.Root;

    [Fact]
    public async Task Preview_ByPromptId_CompletesWithTheStoredTextRendered()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(system: "You assess {{company}}.", user: "Score {{company}} in {{country}}.");

        var response = await admin.PostAsJsonAsync($"{Root}/preview", new { promptId = prompt.Id(), variables = new { company = "Acme Coop", country = "Kenya" } });

        var id = await response.AssertAcceptedJobAsync();
        var job = await app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("You assess Acme Coop.", job.Result!.Value.GetProperty("renderedSystemPrompt").GetString());
        Assert.Equal("Score Acme Coop in Kenya.", job.Result!.Value.GetProperty("renderedUserPrompt").GetString());
        Assert.Equal(prompt.Id(), job.Input.GetProperty("promptId").GetGuid());
        Assert.Equal(1, job.Input.GetProperty("promptVersion").GetInt32());
    }

    [Fact]
    public async Task Preview_ByPromptIdAndOlderVersion_RunsThatVersionsText()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(user: "Version one for {{company}}");
        await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "Version two for {{company}}");

        var response = await admin.PostAsJsonAsync($"{Root}/preview", new { promptId = prompt.Id(), version = 1, variables = new { company = "Acme" } });

        var job = await app.WaitForAsync(await response.AssertAcceptedJobAsync(), JobStatus.Completed, JobStatus.Failed);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("Version one for Acme", job.Result!.Value.GetProperty("renderedUserPrompt").GetString());
    }

    [Fact]
    public async Task Preview_ByPromptIdWithAMissingVariable_FailsAsValidation()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(system: "", user: "About {{region}}");

        var response = await admin.PostAsJsonAsync($"{Root}/preview", new { promptId = prompt.Id() });

        var job = await app.WaitForAsync(await response.AssertAcceptedJobAsync(), JobStatus.Completed, JobStatus.Failed);
        Assert.Equal("ValidationException: unknown variable {{region}}", job.Error);
    }

    [Fact]
    public async Task Preview_UnknownPromptOrVersion_Is404()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync();

        var unknownPrompt = await admin.PostAsJsonAsync($"{Root}/preview", new { promptId = Guid.NewGuid() });
        var unknownVersion = await admin.PostAsJsonAsync($"{Root}/preview", new { promptId = prompt.Id(), version = 7 });

        await unknownPrompt.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknownVersion.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
