using Microsoft.AspNetCore.Identity;
using RiskIntel.Core.Auth;

namespace RiskIntel.Tests.Fakes;

/// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher(CountingPasswordHasher.Counter counter) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        counter.Increment();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public sealed class Counter
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Increment() => Interlocked.Increment(ref _verifications);
    }
}
