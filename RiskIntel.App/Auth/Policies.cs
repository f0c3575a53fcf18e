using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

public static class Policies
{
    public const string Admin = Roles.Admin;
}
