using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RiskIntel.Core.Documents;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Gaps.Detection;

/// <summary>
/// Business plans stored as text: pages are split at a form feed (as pdftotext writes them) or at a line
/// holding only <c>&lt;!-- page --&gt;</c>, so the engine sees them as a parser would hand them over.
/// </summary>
internal static partial class PlanFiles
{
    public static string CorpusFolder { get; } = Path.Combine(RepositoryPaths.Root, "RiskIntel.Tests", "Core", "Gaps", "Corpus");

    public static string SamplesFolder { get; } = Path.Combine(RepositoryPaths.Root, "samples");

    public static DocumentText Load(string path, Guid? documentId = null)
    {
        var pages = PageBreak().Split(File.ReadAllText(path)).Select((text, i) => new PageText(i + 1, text)).ToList();
        return new DocumentText(documentId ?? IdFor(Path.GetFileName(path)), Path.GetFileName(path), pages);
    }

    public static IReadOnlyList<LabelledPlan> Corpus() =>
        Directory.GetFiles(CorpusFolder, "*.labels.json").Order(StringComparer.Ordinal).Select(ReadLabels).ToList();

    /// <summary>A stable id per file name, so runs and their printed output are comparable.</summary>
    public static Guid IdFor(string name) =>
        new(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{(uint)StableHash(name):D12}"));

    private static LabelledPlan ReadLabels(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var covered = root.GetProperty("covered").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var omitted = root.GetProperty("omitted").EnumerateArray().Select(e => e.GetString()!).ToList();
        return new LabelledPlan(root.GetProperty("plan").GetString()!, root.GetProperty("split").GetString()!, covered, omitted);
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & int.MaxValue;

    [GeneratedRegex(@"\f|^<!-- page -->[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex PageBreak();
}

/// <summary>A corpus plan and its hand labels: fields it clearly covers (with the expected status) and clearly omits.</summary>
internal sealed record LabelledPlan(string File, string Split, IReadOnlyDictionary<string, string> Covered, IReadOnlyList<string> Omitted)
{
    public DocumentText Document() => PlanFiles.Load(Path.Combine(PlanFiles.CorpusFolder, File));
}
