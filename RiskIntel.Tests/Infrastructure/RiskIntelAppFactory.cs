using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// The whole app on a temporary SQLite file, outside Development (no demo accounts), with a configured
/// admin and fast retry timings. Settings and services can be overridden per factory.
/// </summary>
public class RiskIntelAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Password-1";
    public const string UserPassword = "Analyst-Password-1";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Auth:Local:AdminEmail"] = AdminEmail,
        ["Auth:Local:AdminPassword"] = AdminPassword,
        ["Auth:Local:FailedSignInsPerAccountAndAddress"] = "1000",
        ["Auth:Local:SignInRequestsPerMinute"] = "100000",
        ["Jobs:RetryBaseDelay"] = "00:00:00.050",
        ["Jobs:RetryMaxDelay"] = "00:00:00.200",
        ["Jobs:SweepInterval"] = "00:00:01",
        ["Jobs:LeaseDuration"] = "00:00:05",
        ["Jobs:NodeName"] = "test-" + Guid.NewGuid().ToString("N")[..8],
    };

    private readonly List<Action<IServiceCollection>> _services = [];
    private int _userCount;

    public RiskIntelAppFactory()
        : this(null)
    {
    }

    internal RiskIntelAppFactory(SqliteTestDatabase? database)
    {
        Database = database ?? new SqliteTestDatabase();
        OwnsDatabase = database is null;
        _settings["ConnectionStrings:RiskIntel"] = Database.ConnectionString;
    }

    public SqliteTestDatabase Database { get; }

    private bool OwnsDatabase { get; }

    public RiskIntelAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public RiskIntelAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Lets tests name the connection's remote address in <see cref="ClientAddressStartupFilter.Header"/>.</summary>
    public RiskIntelAppFactory WithClientAddressHeader() =>
        WithServices(s => s.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());

    /// <summary>The whole answer of <c>POST /api/auth/login</c>: access and refresh token.</summary>
    public async Task<(string AccessToken, string RefreshToken)> GetTokensAsync(string email, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var tokens = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        return (tokens.AccessToken, tokens.RefreshToken);
    }

    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(email, password));
        return client;
    }

    public async Task<string> GetTokenAsync(string email, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    /// <summary>Creates an account through the admin API and returns its email (password: <see cref="UserPassword"/>).</summary>
    public async Task<string> CreateUserAsync(string role = "Analyst")
    {
        var email = $"user{Interlocked.Increment(ref _userCount)}-{Guid.NewGuid():N}@test.local";
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, password = UserPassword, role });
        response.EnsureSuccessStatusCode();
        return email;
    }

    public Task<HttpClient> AdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>Creates a new account through the admin API and signs it in.</summary>
    public async Task<(HttpClient Client, string Email)> NewUserAsync(string role = "Analyst")
    {
        var email = await CreateUserAsync(role);
        return (await LoginAsync(email, UserPassword), email);
    }

    /// <summary>Waits, through the in-process feed (no polling), until the job reaches one of the statuses.</summary>
    public async Task<JobDto> WaitForAsync(Guid jobId, params JobStatus[] statuses)
    {
        var reached = new TaskCompletionSource<JobDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Services.GetRequiredService<JobStatusFeed>().SubscribeJob(jobId, change =>
        {
            if (statuses.Contains(change.Job.Status))
            {
                reached.TrySetResult(change.Job);
            }

            return Task.CompletedTask;
        });
        var current = await Services.GetRequiredService<JobService>().GetAsync(jobId, null, default);
        if (current is not null && statuses.Contains(current.Status))
        {
            return current;
        }

        return await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// The job of <paramref name="type"/> that <paramref name="previousJobId"/>'s completion chained (it is stored in the
    /// same transaction as that completion), once it has finished.
    /// </summary>
    public async Task<JobDto> WaitForChainedAsync(JobType type, Guid previousJobId)
    {
        var previous = await Services.GetJobAsync(previousJobId);
        await using var db = Database.CreateFactory().CreateDbContext();
        var next = await db.Jobs.AsNoTracking()
            .Where(j => j.Type == type && j.CreatedById == previous.CreatedById && j.CreatedAt >= previous.CompletedAt)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).FirstAsync();
        return await WaitForAsync(next, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDatabase)
        {
            Database.Dispose();
        }
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);
}

public static class AppServiceExtensions
{
    /// <summary>Any user's job, read as an admin view would.</summary>
    public static async Task<JobDto> GetJobAsync(this IServiceProvider services, Guid id) =>
        await services.GetRequiredService<JobService>().GetAsync(id, null, default)
            ?? throw new InvalidOperationException($"Job {id} does not exist.");
}
