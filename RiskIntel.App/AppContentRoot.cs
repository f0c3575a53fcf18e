namespace RiskIntel.App;

/// <summary>
/// Where the app finds its <c>appsettings.json</c>, <c>wwwroot</c> and relative data paths. ASP.NET uses the
/// working directory, so <c>dotnet /srv/riskintel/RiskIntel.App.dll</c> started from elsewhere would run
/// without its settings and serve empty static files. An explicit content root (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>) wins; otherwise the working directory is kept only when it is the app's own
/// folder or project folder (what <c>dotnet run</c> gives), and the folder of the app's assembly is used.
/// </summary>
public static class AppContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsGiven(args) ? null : Resolve(Environment.CurrentDirectory, AppContext.BaseDirectory),
    };

    internal static string Resolve(string workingDirectory, string appDirectory)
    {
        var name = typeof(AppContentRoot).Assembly.GetName().Name;
        var isAppFolder = File.Exists(Path.Combine(workingDirectory, "appsettings.json"))
            && (File.Exists(Path.Combine(workingDirectory, $"{name}.dll")) || File.Exists(Path.Combine(workingDirectory, $"{name}.csproj")));
        return isAppFolder ? workingDirectory : appDirectory;
    }

    private static bool IsGiven(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
