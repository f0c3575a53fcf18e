using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Sections;

namespace RiskIntel.Core.Reports.Pdf;

/// <summary>
/// Lays the whole report out: cover, contents, chapters. The contents are laid out once to learn how many pages
/// they take, the chapters after them, then the contents again with the pages the chapters' headings landed on.
/// </summary>
internal static class ReportLayout
{
    private const int CoverPages = 1;

    public static LaidOutReport Lay(ReportModel model, TextMeasurer text, CancellationToken cancellationToken)
    {
        var chart = RiskChart.From(model.Analysis);
        var paginator = new Paginator(new LayoutContext(text, PageGeometry.Body.Width, PageGeometry.Body.Height), PageGeometry.Body);
        var (contents, chapters) = Chapters(model, chart);

        var contentsPages = paginator.Layout(ContentsSection.Build(contents, null), CoverPages + 1, cancellationToken).Pages.Count;
        var body = paginator.Layout(chapters, CoverPages + contentsPages + 1, cancellationToken);
        var toc = paginator.Layout(ContentsSection.Build(contents, body.Anchors), CoverPages + 1, cancellationToken);
        if (toc.Pages.Count != contentsPages)
        {
            throw new InvalidOperationException("The table of contents changed its length once page numbers were filled in.");
        }

        var cover = new LaidOutPage();
        cover.Items.Add(new PlacedFragment(CoverPage.Block(model, chart), new XRect(0, 0, PageGeometry.Width, PageGeometry.Height)));
        return new LaidOutReport([cover, .. toc.Pages, .. body.Pages], contents, body.Anchors);
    }

    private static (List<TocEntry> Contents, List<IFlowBlock> Blocks) Chapters(ReportModel model, RiskChart chart)
    {
        var contents = new List<TocEntry>();
        var blocks = new List<IFlowBlock>();
        TocEntry Entry(string title, Analysis.CategoryScore? category = null)
        {
            var entry = new TocEntry(contents.Count + 1, title, $"chapter-{ReportTheme.Format(contents.Count + 1)}", category);
            contents.Add(entry);
            return entry;
        }

        blocks.AddRange(SummarySection.Build(model, Entry("Executive summary")));
        blocks.AddRange(ProfileSection.Build(model, chart, Entry("Overall risk profile")));
        foreach (var bars in chart.Categories)
        {
            var category = model.Analysis.Scores.First(s => s.Category == bars.Category);
            blocks.AddRange(CategorySection.Build(model, category, bars, Entry(bars.Label, category)));
        }

        blocks.AddRange(RecommendationsSection.Build(model, Entry("Recommendations")));
        blocks.AddRange(AppendixSection.Build(model, Entry("Appendix")));
        return (contents, blocks);
    }
}

/// <summary>Every page of the report, the chapters in contents order, and the page each chapter starts on.</summary>
internal sealed record LaidOutReport(IReadOnlyList<LaidOutPage> Pages, IReadOnlyList<TocEntry> Contents, IReadOnlyDictionary<string, int> ChapterPages);
