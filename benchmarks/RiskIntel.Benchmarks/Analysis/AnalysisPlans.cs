using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Benchmarks.Analysis;

/// <summary>The sample plan of <c>samples/</c>, and a long plan made of it: its pages repeated, varied per copy, to a page count.</summary>
internal static class AnalysisPlans
{
    public const string Title = "Business Plan 2025–2029 — Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd";

    public static string Root { get; } = FindRoot();

    public static string SamplePdf => Path.Combine(Root, "samples", "kenya-dairy-cooperative-business-plan.pdf");

    public static SampleDocument Sample() =>
        SampleMarkdown.Parse(File.ReadAllText(Path.Combine(Root, "samples", "kenya-dairy-cooperative-business-plan.md")), Title, "Samuel Kariuki Mwangi");

    /// <summary>
    /// The sample's pages over and over until <paramref name="pages"/>: copy k names its headings after a collection
    /// area and starts its paragraphs at a different one, so the text is not one page repeated verbatim.
    /// </summary>
    public static SampleDocument Long(int pages)
    {
        var sample = Sample();
        var areas = new[] { "Ol Joro Orok", "Shamata", "Leshau", "Kiriita", "Mairo Inya", "Kanyagia", "Gatimu", "Ngano", "Mukeu", "Kaimbaga", "Wanjohi", "Geta", "Kinangop", "Engineer" };
        var paragraphs = sample.Blocks.OfType<SampleParagraph>().ToList();
        var samplePages = new List<List<SampleBlock>> { new() };
        foreach (var block in sample.Blocks)
        {
            if (block is SamplePageBreak)
            {
                samplePages.Add([]);
            }
            else
            {
                samplePages[^1].Add(block);
            }
        }

        var blocks = new List<SampleBlock>();
        var shift = 0;
        for (var i = 0; i < pages; i++)
        {
            var copy = i / samplePages.Count;
            if (i > 0)
            {
                blocks.Add(new SamplePageBreak());
            }

            foreach (var block in samplePages[i % samplePages.Count])
            {
                blocks.Add(copy == 0 ? block : block switch
                {
                    SampleHeading h => h with { Text = $"{h.Text} — {areas[(copy - 1) % areas.Length]} area" },
                    SampleParagraph => paragraphs[(copy + shift++) % paragraphs.Count],
                    _ => block,
                });
            }
        }

        return sample with { Title = $"{Title} (long form)", Blocks = blocks };
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RiskIntel.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("RiskIntel.sln not found above the benchmark's output.");
    }
}
