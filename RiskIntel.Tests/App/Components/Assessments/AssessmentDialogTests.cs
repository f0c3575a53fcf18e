using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RiskIntel.App.Components.Assessments;
using RiskIntel.Core.Assessments;

namespace RiskIntel.Tests.App.Components.Assessments;

public sealed class AssessmentDialogTests : AssessmentComponentTestBase
{
    [Fact]
    public async Task Create_WithNothingFilledIn_ExplainsEachRequiredField_AndCreatesNothing()
    {
        await OpenAsync();

        Dialogs.Find("[data-testid='assessment-save']").Click();

        var text = Dialogs.Markup;
        Assert.Contains("Give the assessment a name", text, StringComparison.Ordinal);
        Assert.Contains("Name the partner organisation being assessed.", text, StringComparison.Ordinal);
        Assert.Contains("Choose what kind of organisation the partner is.", text, StringComparison.Ordinal);
        Assert.Empty((await ListAsync()).Items);
    }

    [Fact]
    public async Task Create_WithOnlySpacesAsName_IsRefused_AndTheMessageGoesWhenTheFieldIsFixed()
    {
        var result = await OpenAsync();
        Dialogs.Find("[data-testid='assessment-name']").Input("   ");
        Dialogs.Find("[data-testid='assessment-company']").Input("Ndaragwa Highlands Dairy Co-operative");
        Dialogs.Find("[data-testid='assessment-save']").Click();
        Assert.Contains("Give the assessment a name", Dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Name the partner organisation", Dialogs.Markup, StringComparison.Ordinal);

        Dialogs.Find("[data-testid='assessment-name']").Input("Ndaragwa dairy 2026");

        Assert.DoesNotContain("Give the assessment a name", Dialogs.Markup, StringComparison.Ordinal);
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Create_Filled_StoresTheTrimmedDetails_AndClosesWithTheDraft()
    {
        var result = await OpenAsync();

        Dialogs.Find("[data-testid='assessment-name']").Input("  Ndaragwa dairy 2026 ");
        Dialogs.Find("[data-testid='assessment-company']").Input("Ndaragwa Highlands Dairy Co-operative");
        var type = Dialogs.FindComponent<MudSelect<string>>().Instance;
        await Dialogs.InvokeAsync(() => type.ValueChanged.InvokeAsync("Cooperative"));
        Dialogs.Find("[data-testid='assessment-country']").Input("Kenya");
        Dialogs.Find("[data-testid='assessment-save']").Click();

        var closed = await result.WaitAsync(TimeSpan.FromSeconds(10));
        var created = Assert.IsType<AssessmentDto>(closed!.Data);
        Assert.Equal(("Ndaragwa dairy 2026", "Cooperative", "Kenya", AssessmentStatus.Draft), (created.Name, created.CompanyType, created.Country, created.Status));
        Assert.Equal(created.Id, Assert.Single((await ListAsync()).Items).Id);
    }

    [Fact]
    public async Task Edit_AfterTheAssessmentChanged_IsNotSaved_ExplainsWhy_AndSavesOnTopWhenAskedAgain()
    {
        var opened = await CreateAssessmentAsync("Ndaragwa dairy 2026");
        var result = await OpenAsync(opened);
        await Assessments.UpdateAsync(opened.Id, UserId, new AssessmentDetails("Ndaragwa dairy (board copy)", opened.CompanyName, "Cooperative", "Kenya"), opened.Version, default);

        Dialogs.Find("[data-testid='assessment-name']").Input("Ndaragwa dairy 2026 (reviewed)");
        Dialogs.Find("[data-testid='assessment-save']").Click();

        var stale = Dialogs.WaitForElement("[data-testid='assessment-stale']");
        Assert.Contains("Not saved: the assessment changed after you opened this form.", stale.TextContent, StringComparison.Ordinal);
        Assert.Contains("“Ndaragwa dairy (board copy)”", stale.TextContent, StringComparison.Ordinal);
        Assert.False(result.IsCompleted);

        Dialogs.Find("[data-testid='assessment-save']").Click();

        var saved = Assert.IsType<AssessmentDto>((await result.WaitAsync(TimeSpan.FromSeconds(10)))!.Data);
        Assert.Equal("Ndaragwa dairy 2026 (reviewed)", saved.Name);
        Assert.Equal(opened.Version + 2, saved.Version);
    }

    private Task<AssessmentPage> ListAsync() => Services.GetRequiredService<AssessmentQueries>().ListAsync(UserId, new AssessmentListQuery(), default);

    private async Task<Task<DialogResult?>> OpenAsync(AssessmentDto? existing = null)
    {
        var service = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AssessmentDialog> { { d => d.UserId, UserId }, { d => d.Existing, existing } };
        var reference = await Dialogs.InvokeAsync(() => service.ShowAsync<AssessmentDialog>("New assessment", parameters));
        Dialogs.WaitForElement("[data-testid='assessment-save']");
        return reference.Result;
    }
}
