using System.Diagnostics;
using RiskIntel.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RiskIntel.Tests.App;

/// <summary>An operator starts the published app from a folder of their own, not from the app's folder.</summary>
[Trait("Category", "Slow")]
public sealed class PublishedAppTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _publishFolder = Directory.CreateTempSubdirectory("riskintel-publish-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("riskintel-cwd-").FullName;

    [Fact]
    public async Task PublishedApp_StartedFromAnotherFolder_ServesItsUiAndHonoursItsSettings()
    {
        await PublishAsync();

        using var app = AppProcess.Start(new Dictionary<string, string>(), Path.Combine(_publishFolder, "RiskIntel.App.dll"), _elsewhere);
        using var client = await app.LoginAsync();
        var script = await client.GetAsync("/_framework/blazor.web.js");
        var body = await script.Content.ReadAsByteArrayAsync();
        var css = await client.GetByteArrayAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.True(script.IsSuccessStatusCode);
        Assert.True(body.Length > 10_000, $"blazor.web.js has {body.Length} bytes");
        Assert.True(css.Length > 10_000, $"MudBlazor.min.css has {css.Length} bytes");
        Assert.True(File.Exists(Path.Combine(_publishFolder, "App_Data", "riskintel.db")), "The database belongs in the app's folder.");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_elsewhere));
        // appsettings.json keeps EF Core at Warning: without it every SQL statement is logged.
        Assert.DoesNotContain(app.Output, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.Contains(app.Output, line => line.Contains($"Content root path: {_publishFolder}", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Directory.Delete(_publishFolder, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private async Task PublishAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "RiskIntel.App", "RiskIntel.App.csproj");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var info = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", _publishFolder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(info)!;
        var log = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        output.WriteLine(log);
        Assert.Equal(0, publish.ExitCode);
    }
}
