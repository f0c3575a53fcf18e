using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Benchmarks.Web;

/// <summary>The whole app (its own Program, found through a type of its assembly) on Kestrel at a loopback port, on a fresh SQLite file, with an admin to sign in as.</summary>
/// <param name="settings">Further configuration for one suite (e.g. <c>Files:Root</c>).</param>
internal sealed class BenchmarkApp(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<RiskIntel.App.Hubs.JobStatusHub>
{
    public const string AdminEmail = "bench-admin@riskintel.local";
    public const string AdminPassword = "Bench-Admin-Password-1";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"riskintel-web-bench-{Guid.NewGuid():N}.db");

    public Uri Address { get; private set; } = default!;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
    }

    public async Task<(string Token, string UserId)> SignInAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/me");
        return (token, me.GetProperty("id").GetString()!);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:RiskIntel", $"Data Source={_database}");
        builder.UseSetting("Auth:Local:AdminEmail", AdminEmail);
        builder.UseSetting("Auth:Local:AdminPassword", AdminPassword);
        builder.UseSetting("Auth:Local:FailedLoginsPerMinute", "1000");
        builder.UseSetting("Jobs:MaxConcurrency", "8");
        builder.UseSetting("Ai:MaxConcurrentJobs", "8");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }
}
