using System.Text.Json;
using System.Xml.Linq;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Build;

/// <summary>
/// Every package the build resolves is pinned in Directory.Packages.props, so the graph cannot float with
/// what the package mirror serves on a given day (the lock files then record exactly that graph).
/// </summary>
public sealed class DependencyPinningTests
{
    // The SDK chooses this one itself (blazor.web.js); pinning it is not supported.
    private static readonly HashSet<string> ChosenBySdk = ["Microsoft.AspNetCore.App.Internal.Assets"];

    [Fact]
    public void ResolvedPackages_AreAllPinnedCentrally_AtTheVersionResolved()
    {
        var root = RepositoryPaths.Root;
        var props = XDocument.Load(Path.Combine(root, "Directory.Packages.props"));
        var properties = props.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup")
            .ToDictionary(e => e.Name.LocalName, e => e.Value);
        var pinned = props.Descendants("PackageVersion").ToDictionary(
            e => e.Attribute("Include")!.Value,
            e => Expand(e.Attribute("Version")!.Value, properties),
            StringComparer.OrdinalIgnoreCase);

        var problems = new List<string>();
        foreach (var lockFile in Directory.EnumerateFiles(root, "packages.lock.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var overrides = VersionOverrides(lockFile);
            using var json = JsonDocument.Parse(File.ReadAllText(lockFile));
            foreach (var framework in json.RootElement.GetProperty("dependencies").EnumerateObject())
            {
                foreach (var package in framework.Value.EnumerateObject())
                {
                    if (package.Value.GetProperty("type").GetString() == "Project" || ChosenBySdk.Contains(package.Name))
                    {
                        continue;
                    }

                    var resolved = package.Value.GetProperty("resolved").GetString();
                    if (!overrides.TryGetValue(package.Name, out var version) && !pinned.TryGetValue(package.Name, out version))
                    {
                        problems.Add($"{Path.GetRelativePath(root, lockFile)}: {package.Name} {resolved} is not pinned");
                    }
                    else if (!string.Equals(version, resolved, StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{Path.GetRelativePath(root, lockFile)}: {package.Name} resolves to {resolved}, pinned {version}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    // A project may move one package off its central pin with VersionOverride (the benchmarks do, for a contender's
    // SQLite driver); its lock file must then hold exactly that override.
    private static Dictionary<string, string> VersionOverrides(string lockFile)
    {
        var project = Directory.EnumerateFiles(Path.GetDirectoryName(lockFile)!, "*.csproj").SingleOrDefault();
        return project is null
            ? []
            : XDocument.Load(project).Descendants("PackageReference")
                .Where(e => e.Attribute("VersionOverride") is not null)
                .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("VersionOverride")!.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static string Expand(string version, Dictionary<string, string> properties) =>
        version.StartsWith("$(", StringComparison.Ordinal) ? properties[version[2..^1]] : version;
}
