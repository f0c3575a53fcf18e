using System.ComponentModel.DataAnnotations;
using RiskIntel.Core.Assessments;

namespace RiskIntel.App.Endpoints.Assessments;

public sealed record CreateAssessmentRequest(
    [property: Required, StringLength(Assessment.MaxNameLength)] string Name,
    [property: Required, StringLength(Assessment.MaxNameLength)] string CompanyName,
    [property: Required, StringLength(Assessment.MaxNameLength)] string CompanyType,
    [property: StringLength(Assessment.MaxCountryLength)] string? Country)
{
    public AssessmentDetails ToDetails() => Details(Name, CompanyName, CompanyType, Country);

    internal static AssessmentDetails Details(string name, string companyName, string companyType, string? country) =>
        new(name.Trim(), companyName.Trim(), companyType.Trim(), string.IsNullOrWhiteSpace(country) ? null : country.Trim());
}

/// <summary>An edit carries the <c>version</c> it was based on; a stale one is refused with 409.</summary>
public sealed record UpdateAssessmentRequest(
    [property: Required, StringLength(Assessment.MaxNameLength)] string Name,
    [property: Required, StringLength(Assessment.MaxNameLength)] string CompanyName,
    [property: Required, StringLength(Assessment.MaxNameLength)] string CompanyType,
    [property: StringLength(Assessment.MaxCountryLength)] string? Country,
    [property: Required] int? Version)
{
    public AssessmentDetails ToDetails() => CreateAssessmentRequest.Details(Name, CompanyName, CompanyType, Country);
}
