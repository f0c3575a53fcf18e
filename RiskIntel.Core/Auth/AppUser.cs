using Microsoft.AspNetCore.Identity;

namespace RiskIntel.Core.Auth;

public sealed class AppUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }
}
