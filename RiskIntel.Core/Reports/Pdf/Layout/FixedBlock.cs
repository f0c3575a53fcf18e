using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>An unbreakable block of known height drawn by a callback: a chart, a score panel.</summary>
internal sealed class FixedBlock(double height, Action<DrawContext, XRect> draw, FlowOptions? options = null) : IFlowBlock, IFragment
{
    public FlowOptions Options { get; } = options ?? FlowOptions.None;

    public double Height => height;

    public FlowSplit Place(LayoutContext context, double available, bool atPageTop) =>
        height <= available || atPageTop ? FlowSplit.Whole(this) : FlowSplit.Nothing(this);

    public void Draw(DrawContext context, XRect area) => draw(context, area);
}
