using RiskIntel.Core.Prompts;

namespace RiskIntel.Tests.Core.Prompts;

public sealed class PromptTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Update_ChangedText_SnapshotsThePreviousVersionAndRecordsOnlyChangedFields()
    {
        var (prompt, _) = Prompt.Create(Content("one"), "a", T0);

        var edit = prompt.Update(Content("two"), "b", T0.AddMinutes(5));

        Assert.NotNull(edit);
        Assert.Equal(2, prompt.Version);
        Assert.Equal(1, edit.Value.Snapshot.Version);
        Assert.Equal("one", edit.Value.Snapshot.UserPromptTemplate);
        Assert.Equal("a", edit.Value.Snapshot.AuthorId);
        var changes = edit.Value.Change.ReadChanges();
        Assert.Equal(["userPromptTemplate"], changes.Keys);
        Assert.Equal("one", changes["userPromptTemplate"].Old!.Value.GetString());
        Assert.Equal("two", changes["userPromptTemplate"].New!.Value.GetString());
        Assert.Equal("b", prompt.UpdatedById);
    }

    [Fact]
    public void Update_SameContent_IsNoNewVersion()
    {
        var (prompt, _) = Prompt.Create(Content("one"), "a", T0);

        Assert.Null(prompt.Update(Content("one"), "b", T0));
        Assert.Equal(1, prompt.Version);
    }

    [Fact]
    public void Create_RecordsEveryFieldAsNew()
    {
        var (_, change) = Prompt.Create(Content("one"), "a", T0);

        var changes = change.ReadChanges();
        Assert.Equal(PromptChangeKind.Created, change.Kind);
        Assert.Equal("RISK_ANALYSIS", changes["section"].New!.Value.GetString());
        Assert.Null(changes["section"].Old);
        Assert.True(changes.ContainsKey("name"));
    }

    [Fact]
    public void Delete_ActivePrompt_DeactivatesItAndRefusesFurtherEdits()
    {
        var (prompt, _) = Prompt.Create(Content("one"), "a", T0);
        prompt.SetActive(true, "a", T0);

        var change = prompt.Delete("a", T0);

        Assert.False(prompt.IsActive);
        Assert.True(change.ReadChanges().ContainsKey("isActive"));
        Assert.Throws<InvalidOperationException>(() => prompt.Update(Content("two"), "a", T0));
    }

    [Fact]
    public void Validate_TagsAreTrimmedLowerCasedAndDistinct()
    {
        var errors = new Dictionary<string, string[]>();

        var content = new PromptDraft(" Name ", "gap_detection", null, "u", [" Coop", "coop", "", "Water"]).Validate(errors);

        Assert.Empty(errors);
        Assert.Equal(PromptSection.GapDetection, content!.Section);
        Assert.Equal("Name", content.Name);
        Assert.Equal(["coop", "water"], content.Tags);
    }

    private static PromptContent Content(string user) => new("Scoring", PromptSection.RiskAnalysis, "sys", user, ["x"]);
}
