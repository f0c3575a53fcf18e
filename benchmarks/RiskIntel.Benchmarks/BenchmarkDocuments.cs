using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Benchmarks;

/// <summary>
/// Generated documents of about the requested size: the sample business plan's text, about 450 words and a
/// 160×160 noise "photo" (≈ 77 KB) per page, a table every fifth page, so a 25 MB file has ~300 pages.
/// </summary>
internal static class BenchmarkDocuments
{
    private const int PagesPerMegabyte = 12;

    public static string Write(string folder, DocumentKind kind, int megabytes)
    {
        var pages = megabytes * PagesPerMegabyte;
        var document = Document(pages);
        var path = Path.Combine(folder, $"bench-{megabytes}mb.{kind.ToString().ToLowerInvariant()}");
        var photo = NoisePng.Create(160, 160, seed: megabytes);
        var bytes = kind == DocumentKind.Pdf
            ? SamplePdfWriter.Write(document, new SamplePdfOptions(PagePhoto: page => NoisePng.Create(160, 160, seed: (megabytes * 10_000) + page)))
            : SampleDocxWriter.Write(document, new SampleDocxOptions(Image: photo, ImageCount: pages));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static SampleDocument Document(int pages)
    {
        var plan = SampleBusinessPlan.Document();
        var paragraphs = plan.Blocks.OfType<SampleParagraph>().ToList();
        var table = plan.Blocks.OfType<SampleTable>().First();
        var blocks = new List<SampleBlock>();
        for (var page = 1; page <= pages; page++)
        {
            blocks.Add(new SampleHeading(page % 10 == 1 ? 1 : 2, $"Section {page}"));
            for (var i = 0; i < 6; i++)
            {
                blocks.Add(paragraphs[(page + i) % paragraphs.Count]);
            }

            if (page % 5 == 0)
            {
                blocks.Add(table);
            }

            blocks.Add(new SamplePageBreak());
        }

        return new SampleDocument("Benchmark plan", "RiskIntel", blocks);
    }
}
