using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Browser;

/// <summary>
/// The whole app on Kestrel at a free 127.0.0.1 port (static web assets served as in Development), and one
/// headless Chromium shared by the tests of a class; each test opens its own browser context.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserAppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException($"No browser: {BrowserFactAttribute.ChromiumPath} is missing.");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        App.StartServer();
        if (!BrowserFactAttribute.IsAvailable)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A page in a fresh browser context: 1280×800 unless a phone's width is asked for, in the browser's zone unless one is given.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            TimezoneId = timeZone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A REST client on the real server, signed in with a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The test app, plus the static web assets (MudBlazor's CSS and JS) that only Development serves by default.</summary>
public sealed class BrowserAppFactory : RiskIntelAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}
