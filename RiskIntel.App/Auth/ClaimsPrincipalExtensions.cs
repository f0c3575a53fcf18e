using System.Security.Claims;

namespace RiskIntel.App.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The stable user id: Identity's user id locally, the object id (oid) with Entra ID.</summary>
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
        ?? user.FindFirstValue("oid")
        ?? throw new InvalidOperationException("The signed-in principal carries no user id.");
}
