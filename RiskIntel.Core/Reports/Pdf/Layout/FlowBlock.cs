using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>
/// Something the <see cref="Paginator"/> pours down the pages: it places as much of itself as fits and hands back
/// the rest. Blocks are immutable, so the paginator may try a placement (keep-with-next) and throw it away.
/// </summary>
internal interface IFlowBlock
{
    FlowOptions Options { get; }

    /// <summary>
    /// Places what fits into <paramref name="available"/> points of height. At the top of a page a block must place
    /// something, so that every page makes progress; elsewhere it may place nothing and wait for the next page.
    /// </summary>
    FlowSplit Place(LayoutContext context, double available, bool atPageTop);
}

/// <summary>
/// Spacing and pagination wishes of a block. <paramref name="Anchor"/> names it for the table of contents and
/// bookmarks: the paginator records the page its first fragment lands on.
/// </summary>
internal sealed record FlowOptions(
    double SpaceBefore = 0,
    double SpaceAfter = 0,
    bool KeepWithNext = false,
    bool PageBreakBefore = false,
    string? Anchor = null)
{
    public static FlowOptions None { get; } = new();

    /// <summary>The options of the part that continues on the next page.</summary>
    public FlowOptions Continuation => this with { SpaceBefore = 0, PageBreakBefore = false, Anchor = null };
}

/// <summary>What a placement produced: the fragment that fits (or none) and what is left (or none).</summary>
internal readonly record struct FlowSplit(IFragment? Placed, IFlowBlock? Rest)
{
    public static FlowSplit Nothing(IFlowBlock block) => new(null, block);

    public static FlowSplit Whole(IFragment fragment) => new(fragment, null);
}

/// <summary>A placed piece of a block, ready to draw into the area the paginator gave it.</summary>
internal interface IFragment
{
    double Height { get; }

    void Draw(DrawContext context, XRect area);
}

/// <summary>The measuring tools and the size of the body area every block is laid out in.</summary>
internal sealed record LayoutContext(TextMeasurer Text, double Width, double PageHeight);
