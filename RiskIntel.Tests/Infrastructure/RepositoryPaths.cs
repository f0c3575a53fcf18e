namespace RiskIntel.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding RiskIntel.sln, found above the test output.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RiskIntel.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("RiskIntel.sln not found above the test output.");
    }
}
