namespace RiskIntel.Core.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Analyst = "Analyst";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst];
}
