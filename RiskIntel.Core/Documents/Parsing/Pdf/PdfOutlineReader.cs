using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>The PDF's bookmarks, depth first, with the page each one points to where it names one.</summary>
internal static class PdfOutlineReader
{
    private const int MaxEntries = 10_000;

    public static List<OutlineEntry> Read(PdfDocument document)
    {
        var outline = new List<OutlineEntry>();
        if (!document.TryGetBookmarks(out var bookmarks))
        {
            return outline;
        }

        foreach (var root in bookmarks.Roots)
        {
            Add(root, 1, outline);
        }

        return outline;
    }

    private static void Add(BookmarkNode node, int level, List<OutlineEntry> outline)
    {
        if (outline.Count >= MaxEntries || level > 32)
        {
            return;
        }

        var title = PdfText.Clean(node.Title ?? "");
        if (title.Length > 0)
        {
            outline.Add(new OutlineEntry(title, level, node is DocumentBookmarkNode { PageNumber: > 0 } target ? target.PageNumber : null));
        }

        foreach (var child in node.Children)
        {
            Add(child, level + 1, outline);
        }
    }
}
