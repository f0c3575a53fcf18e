using System.Globalization;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Documents.Parsing.Ocr;
using RiskIntel.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RiskIntel.Tests.Core.Documents.Parsing;

/// <summary>
/// On real PDFs, the words the parser extracts must agree with poppler's pdftotext: at least 95 % of the
/// multiset of pdftotext's words (whitespace-separated tokens) must be found in the parser's text.
/// </summary>
public sealed class RealPdfWordAgreementTests(ITestOutputHelper output) : IDisposable
{
    private const double Required = 0.95;
    private readonly ParsingKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [RealPdfFact]
    public async Task Parse_EveryRealPdf_FindsAtLeast95PercentOfPdftotextsWords()
    {
        var folder = RealPdfFactAttribute.Folder ?? throw new InvalidOperationException($"{RealPdfFactAttribute.Variable} is not set.");
        var files = Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var reference = await ExternalProcess.RunAsync("pdftotext", ["-enc", "UTF-8", file, "-"], TimeSpan.FromMinutes(2), default);
            var parsed = await _kit.Parser.ParseAsync(file, DocumentKind.Pdf, default);
            var share = FoundShare(Words(reference.Output), parsed.Pages.SelectMany(p => Words(p.Text)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file),-28} pages {parsed.Metadata.Pages,4}  pdftotext words {Words(reference.Output).Length,7}  found {share:P2}"));
            if (share < Required)
            {
                failures.Add($"{Path.GetFileName(file)}: {share:P2}");
            }
        }

        Assert.True(failures.Count == 0, "Below 95 %: " + string.Join(", ", failures));
    }

    /// <summary>The share of the reference multiset found in the candidate multiset.</summary>
    internal static double FoundShare(IEnumerable<string> reference, IEnumerable<string> candidate)
    {
        var available = candidate.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = 0;
        var found = 0;
        foreach (var word in reference)
        {
            total++;
            if (available.TryGetValue(word, out var count) && count > 0)
            {
                available[word] = count - 1;
                found++;
            }
        }

        return total == 0 ? 1 : (double)found / total;
    }

    [Fact]
    public void FoundShare_CountsRepeatedWordsOnlyAsOftenAsTheyOccur()
    {
        Assert.Equal(0.5, FoundShare(["a", "a", "b", "c"], ["a", "c", "d"]));
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
