using RiskIntel.Core.Assessments;

namespace RiskIntel.App.Components.Assessments;

/// <summary>What the assessment dialog edits, with the same rules as the API (required, bounded, trimmed).</summary>
public sealed class AssessmentForm
{
    public static IReadOnlyList<string> CommonTypes { get; } = ["Cooperative", "SME", "NGO", "Farmer group", "Social enterprise", "Other"];

    public string Name { get; set; } = "";

    public string CompanyName { get; set; } = "";

    public string CompanyType { get; set; } = "";

    public string Country { get; set; } = "";

    public static AssessmentForm From(AssessmentDto assessment) => new()
    {
        Name = assessment.Name,
        CompanyName = assessment.CompanyName,
        CompanyType = assessment.CompanyType,
        Country = assessment.Country ?? "",
    };

    /// <summary>Problems by field (<c>name</c>, <c>companyName</c>, <c>companyType</c>, <c>country</c>); empty when the form can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Require(errors, "name", Name, "Give the assessment a name, for example the partner and the year.", Assessment.MaxNameLength);
        Require(errors, "companyName", CompanyName, "Name the partner organisation being assessed.", Assessment.MaxNameLength);
        Require(errors, "companyType", CompanyType, "Choose what kind of organisation the partner is.", Assessment.MaxNameLength);
        if (Country.Trim().Length > Assessment.MaxCountryLength)
        {
            errors["country"] = $"Use at most {Assessment.MaxCountryLength} characters.";
        }

        return errors;
    }

    public AssessmentDetails ToDetails() =>
        new(Name.Trim(), CompanyName.Trim(), CompanyType.Trim(), string.IsNullOrWhiteSpace(Country) ? null : Country.Trim());

    private static void Require(Dictionary<string, string> errors, string key, string value, string message, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[key] = message;
        }
        else if (value.Trim().Length > maxLength)
        {
            errors[key] = $"Use at most {maxLength} characters.";
        }
    }
}
