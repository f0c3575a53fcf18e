using Bunit;
using RiskIntel.App.Components.Pages.Prompts;
using RiskIntel.App.Components.Prompts;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Tests.App.Components.Prompts;

public sealed class PromptStudioInteractionTests : ComponentTestBase
{
    public PromptStudioInteractionTests() => SignInAsAdmin();

    [Fact]
    public async Task Activate_WhileAnotherIsActive_ExplainsTheConflictAndReplacesOnConfirm()
    {
        var current = await Prompts.CreateAsync(Draft("Current parser"), AdminId, default);
        await Prompts.SetActiveAsync(current.Id, true, false, AdminId, default);
        var candidate = await Prompts.CreateAsync(Draft("Candidate parser"), AdminId, default);
        var cut = Render<PromptEditorPage>(p => p.Add(c => c.Id, candidate.Id));
        cut.WaitForElement("[data-testid=prompt-activate]");

        // The click's handler waits for the answer to the message box, so answer it before awaiting the click.
        var activating = cut.Find("[data-testid=prompt-activate]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => Assert.Contains("\"Current parser\" (v1) is the active PARSER prompt", Dialogs.Markup, StringComparison.Ordinal));
        await Dialogs.FindAll("button").Single(b => b.TextContent.Contains("Replace", StringComparison.Ordinal)).ClickAsync(new());
        await activating;
        cut.WaitForAssertion(() => Assert.Contains("Deactivate", cut.Find("[data-testid=prompt-activate]").TextContent, StringComparison.Ordinal));
        Assert.False((await Queries.GetAsync(current.Id, null, default))!.IsActive);
        Assert.True((await Queries.GetAsync(candidate.Id, null, default))!.IsActive);
    }

    [Fact]
    public async Task History_ShowsTheChangedFieldsOldAndNewAndRestoresAnOldVersionAsANewOne()
    {
        var prompt = await Prompts.CreateAsync(Draft("Restorable", user: "First wording"), AdminId, default);
        await Prompts.UpdateAsync(prompt.Id, Draft("Restorable", user: "Second wording"), 1, AdminId, default);
        var cut = Render<PromptEditorPage>(p => p.Add(c => c.Id, prompt.Id));
        cut.WaitForElement("[data-testid=prompt-version]");
        await cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("History", StringComparison.Ordinal)).ClickAsync(new());
        var history = cut.FindComponent<PromptHistoryView>();
        Assert.Contains("First wording", history.Markup, StringComparison.Ordinal);
        Assert.Contains("Second wording", history.Markup, StringComparison.Ordinal);

        await history.FindAll("button").Single(b => b.TextContent.Contains("Restore v1", StringComparison.Ordinal)).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("v3", cut.Find("[data-testid=prompt-version]").TextContent.Trim()));
        Assert.Equal("First wording", (await Queries.GetAsync(prompt.Id, null, default))!.UserPromptTemplate);
    }

    [Fact]
    public async Task Comments_ReplyToAComment_IsNestedUnderIt()
    {
        var prompt = await Prompts.CreateAsync(Draft("Discussed"), AdminId, default);
        var cut = Render<PromptCommentsView>(p => p.Add(c => c.PromptId, prompt.Id));

        cut.Find("textarea[data-testid=comment-new]").Input("Is the tone right?");
        await cut.Find("[data-testid=comment-post]").ClickAsync(new());
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Reply").ClickAsync(new());
        cut.FindAll("textarea")[^1].Input("Make it plainer.");
        await cut.FindAll("button").Last(b => b.TextContent.Trim() == "Reply").ClickAsync(new());

        var comments = await Queries.GetCommentsAsync(prompt.Id, default);
        Assert.Equal(2, comments!.Count);
        Assert.Equal(comments[0].Id, comments[1].ParentId);
        cut.WaitForAssertion(() => Assert.Contains("margin-left:32px", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Make it plainer.", cut.Markup, StringComparison.Ordinal);
    }

    private static PromptDraft Draft(string name, string user = "Extract {{fileName}}") => new(name, "PARSER", "", user, []);
}
