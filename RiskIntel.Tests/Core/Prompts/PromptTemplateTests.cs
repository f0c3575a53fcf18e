using System.Text.Json;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Tests.Core.Prompts;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Variables_ListsDistinctNamesInOrderAcrossTemplates()
    {
        var names = PromptTemplate.Variables("Assess {{company}} in {{ country }}.", "{{company}} plan: {{document.text}}");

        Assert.Equal(["company", "country", "document.text"], names);
    }

    [Fact]
    public void Render_FillsStringsAndJsonValues()
    {
        var variables = new Dictionary<string, JsonElement>
        {
            ["company"] = JsonSerializer.SerializeToElement("Acme Coop"),
            ["members"] = JsonSerializer.SerializeToElement(120),
        };

        Assert.Equal("Acme Coop has 120 members.", PromptTemplate.Render("{{company}} has {{ members }} members.", variables));
    }

    [Fact]
    public void Render_UnknownPlaceholder_IsAValidationErrorNamingIt()
    {
        var error = Assert.Throws<InputValidationException>(() => PromptTemplate.Render("Risk in {{region}}", new Dictionary<string, JsonElement>()));

        Assert.Equal("ValidationException", error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Equal("unknown variable {{region}}", error.Message);
    }
}
