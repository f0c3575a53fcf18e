using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Pages.Prompts;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Tests.App.Components.Pages.Prompts;

public sealed class PromptEditorPageTests : ComponentTestBase
{
    public PromptEditorPageTests() => SignInAsAdmin();

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
        var job = await Engine.Jobs.GetAsync(submitted.JobId, AdminId, default);
        Assert.NotNull(job);
        Assert.Equal("Acme Coop", job.Input.GetProperty("variables").GetProperty("company").GetString());

        await Feed.PublishAsync(new(job with { Status = JobStatus.Processing, UpdatedAt = job.UpdatedAt.AddSeconds(1) }, JobStatus.Pending), default);

        cut.WaitForAssertion(() => Assert.Equal("PROCESSING", cut.Find("[data-testid=preview-status]").TextContent.Trim()));
    }

    [Fact]
    public async Task Editor_RunPreviewWithABlankVariable_SubmitsNothingAndNamesIt()
    {
        var cut = Render<PromptEditorPage>();
        cut.Find("textarea[data-testid=prompt-user]").Input("Summarise {{company}} in {{region}}");
        cut.Find("input[data-testid=variable-company]").Input("Acme Coop");
        cut.Find("input[data-testid=variable-region]").Input("   ");

        await cut.Find("[data-testid=prompt-preview]").ClickAsync(new());

        Assert.Empty(Engine.Scheduler.Scheduled);
        Assert.Empty(cut.FindAll("[data-testid=preview-status]"));
        Assert.Equal("Fill in {{region}} before running the preview.", cut.Find("[data-testid=preview-blocked]").TextContent.Trim());
        Assert.Contains("mud-input-error", cut.Find("input[data-testid=variable-region]").ParentElement!.ClassName, StringComparison.Ordinal);

        cut.Find("input[data-testid=variable-region]").Input("Rift Valley");
        await cut.Find("[data-testid=prompt-preview]").ClickAsync(new());

        Assert.Single(Engine.Scheduler.Scheduled);
        Assert.Empty(cut.FindAll("[data-testid=preview-blocked]"));
    }

    [Fact]
    public async Task Compare_RunBothWithVariablesNeverTyped_StartsNeitherAndNamesThem()
    {
        var prompt = await Prompts.CreateAsync(new PromptDraft("Two versions", "PARSER", "", "Read {{fileName}}", []), AdminId, default);
        await Prompts.UpdateAsync(prompt.Id, new PromptDraft("Two versions", "PARSER", "", "Read {{fileName}} for {{partner}}", []), 1, AdminId, default);
        var cut = Render<PromptEditorPage>(p => p.Add(c => c.Id, prompt.Id));
        cut.WaitForElement("[data-testid=prompt-version]");
        await cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Compare", StringComparison.Ordinal)).ClickAsync(new());

        await cut.Find("[data-testid=compare-run]").ClickAsync(new());

        Assert.Empty(Engine.Scheduler.Scheduled);
        Assert.Equal("Fill in {{fileName}}, {{partner}} before running the preview.", cut.Find("[data-testid=compare-blocked]").TextContent.Trim());

        cut.Find("input[data-testid=variable-fileName-compare]").Input("plan.pdf");
        cut.Find("input[data-testid=variable-partner-compare]").Input("Acme Coop");
        await cut.Find("[data-testid=compare-run]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(2, Engine.Scheduler.Scheduled.Count));
        Assert.Empty(cut.FindAll("[data-testid=compare-blocked]"));
    }

    [Fact]
    public void Editor_UnknownPromptId_ShowsNotFoundAndNothingToEditOrSave()
    {
        var cut = Render<PromptEditorPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        cut.WaitForElement("[data-testid=prompt-not-found]");
        Assert.Empty(cut.FindAll("[data-testid=prompt-save]"));
        Assert.Empty(cut.FindAll("[data-testid=prompt-user]"));
        Assert.DoesNotContain("New prompt", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Prompt not found", cut.Find("h1").TextContent, StringComparison.Ordinal);
    }
}
