using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Pages.Prompts;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

using RiskIntel.Tests.App.Components.Prompts;

namespace RiskIntel.Tests.App.Components.Pages.Prompts;

public sealed class PromptEditorPageTests : PromptComponentTestContext
{
    [Fact]
    public void Editor_TypingPlaceholders_RendersOneInputPerDetectedVariable()
    {
        var cut = Render<PromptEditorPage>();
        Assert.NotNull(cut.Find("[data-testid=variables-none]"));

        cut.Find("textarea[data-testid=prompt-system]").Input("You assess {{company}}.");
        cut.Find("textarea[data-testid=prompt-user]").Input("Score {{company}} in {{region}}, {{ year }}.");

        var inputs = cut.FindAll("input[data-testid^=variable-]").Select(i => i.GetAttribute("data-testid")).ToList();
        Assert.Equal(["variable-company", "variable-region", "variable-year"], inputs);
        Assert.NotNull(cut.Find("[data-testid=prompt-dirty]"));
    }

    [Fact]
    public async Task Editor_ExistingPrompt_ShowsItsTextsVersionAndVariables()
    {
        var prompt = await Prompts.CreateAsync(
            new PromptDraft("Coop scoring", "RISK_ANALYSIS", "System for {{companyName}}", "Score {{companyName}}", ["coop"]), AdminId, default);

        var cut = Render<PromptEditorPage>(p => p.Add(c => c.Id, prompt.Id));

        cut.WaitForAssertion(() => Assert.Equal("System for {{companyName}}", cut.Find("textarea[data-testid=prompt-system]").GetAttribute("value")));
        Assert.Equal("v1", cut.Find("[data-testid=prompt-version]").TextContent.Trim());
        Assert.Single(cut.FindAll("input[data-testid=variable-companyName]"));
        Assert.Empty(cut.FindAll("[data-testid=prompt-dirty]"));
    }

    [Fact]
    public async Task Editor_SaveNewPrompt_CreatesVersionOneAndLeavesNoUnsavedChanges()
    {
        var cut = Render<PromptEditorPage>();
        cut.Find("input[data-testid=prompt-name]").Input("  Fresh parser  ");
        cut.Find("textarea[data-testid=prompt-user]").Input("Extract {{fileName}}");

        await cut.Find("[data-testid=prompt-save]").ClickAsync(new());

        var page = await Queries.ListAsync(new PromptListQuery(Search: "Fresh parser"), default);
        var saved = Assert.Single(page.Items);
        Assert.Equal(1, saved.Version);
        Assert.Equal("Fresh parser", saved.Name);
        Assert.EndsWith($"/prompts/{saved.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_RunPreview_SubmitsAJobAsTheAdminAndFollowsItThroughTheFeed()
    {
        var cut = Render<PromptEditorPage>();
        cut.Find("textarea[data-testid=prompt-user]").Input("Summarise {{company}}");
        cut.Find("input[data-testid=variable-company]").Input("Acme Coop");

        await cut.Find("[data-testid=prompt-preview]").ClickAsync(new());

        var status = cut.WaitForElement("[data-testid=preview-status]");
        Assert.Equal("PENDING", status.TextContent.Trim());
        var submitted = Assert.Single(Engine.Scheduler.Scheduled);
        var job = await Engine.Jobs.GetAsync(submitted.JobId, PromptComponentTestContext.AdminId, default);
        Assert.NotNull(job);
        Assert.Equal("Acme Coop", job.Input.GetProperty("variables").GetProperty("company").GetString());

        await Feed.PublishAsync(new(job with { Status = JobStatus.Processing, UpdatedAt = job.UpdatedAt.AddSeconds(1) }, JobStatus.Pending), default);

        cut.WaitForAssertion(() => Assert.Equal("PROCESSING", cut.Find("[data-testid=preview-status]").TextContent.Trim()));
    }
}
