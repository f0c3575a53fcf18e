using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>The app as its own process, in Production on 127.0.0.1, as an operator would start it.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts <paramref name="appDll"/> (by default the build output beside the tests) with the admin account configured.</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> settings, string? appDll = null, string? workingDirectory = null)
    {
        var port = FreePort();
        appDll ??= Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "RiskIntel.App.dll"));
        var info = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Auth__Local__AdminEmail"] = RiskIntelAppFactory.AdminEmail;
        info.Environment["Auth__Local__AdminPassword"] = RiskIntelAppFactory.AdminPassword;

        // "Now listening on" is how WaitUntilReadyAsync knows the answering server is this process.
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        return new AppProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var listening = "Now listening on: " + Address.GetLeftPart(UriPartial.Authority);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(_process.HasExited, $"The app process exited during start-up:\n{string.Join('\n', _output.TakeLast(30))}");
            try
            {
                // The free port is only free when chosen: a process of a parallel test may take it first, and then
                // its health answers while this one fails to bind. Only our own process's listening line counts.
                if (_output.Any(line => line.Contains(listening, StringComparison.Ordinal))
                    && (await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "The app did not become ready in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until the app is ready and returns a client signed in as the admin.</summary>
    public async Task<HttpClient> LoginAsync()
    {
        await WaitUntilReadyAsync();
        var client = new HttpClient { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = RiskIntelAppFactory.AdminEmail, password = RiskIntelAppFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null && _output.Count < 20_000)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
