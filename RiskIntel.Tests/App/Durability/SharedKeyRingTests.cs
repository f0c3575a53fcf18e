using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Durability;

public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task Token_IssuedByOneNode_IsAcceptedByAnotherNodeOnTheSameDatabase()
    {
        using var database = new SqliteTestDatabase();
        using var nodeA = new RiskIntelAppFactory(database);
        var token = await nodeA.GetTokenAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);
        using var nodeB = new RiskIntelAppFactory(database);
        using var client = nodeB.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = database.CreateFactory().CreateDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
