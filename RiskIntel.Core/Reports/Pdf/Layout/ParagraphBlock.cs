using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>
/// Wrapped text. Breaks across pages between lines, keeping at least two lines at the foot of a page and two at the
/// head of the next (orphan and widow control) whenever the paragraph has enough lines for it.
/// </summary>
internal sealed class ParagraphBlock : IFlowBlock
{
    private readonly IReadOnlyList<TextRun> _runs;
    private readonly double _indent;
    private readonly Align _align;
    private readonly bool _isContinuation;
    private IReadOnlyList<TextLine>? _lines;
    private double _linesWidth;

    public ParagraphBlock(IReadOnlyList<TextRun> runs, FlowOptions options, Align align = Align.Left, double indent = 0)
    {
        _runs = runs;
        Options = options;
        _align = align;
        _indent = indent;
    }

    private ParagraphBlock(ParagraphBlock whole, IReadOnlyList<TextLine> rest)
        : this(whole._runs, whole.Options.Continuation, whole._align, whole._indent)
    {
        _lines = rest;
        _isContinuation = true;
    }

    public FlowOptions Options { get; }

    public IReadOnlyList<TextLine> Lines(LayoutContext context)
    {
        // A continuation keeps the lines it was cut from: the flow's width does not change between pages.
        var width = context.Width - _indent;
        if (_lines is null || (!_isContinuation && _linesWidth != width))
        {
            _lines = LineBreaker.Break(_runs, width, context.Text);
            _linesWidth = width;
        }

        return _lines;
    }

    public FlowSplit Place(LayoutContext context, double available, bool atPageTop)
    {
        var lines = Lines(context);
        var fit = 0;
        var height = 0.0;
        while (fit < lines.Count && height + lines[fit].Height <= available)
        {
            height += lines[fit++].Height;
        }

        if (fit == lines.Count)
        {
            return FlowSplit.Whole(new LinesFragment(lines, _align, _indent));
        }

        if (!atPageTop && lines.Count - fit == 1 && fit >= 3)
        {
            fit--;
        }

        if (!atPageTop && (fit < 2 || lines.Count - fit < 2))
        {
            return FlowSplit.Nothing(this);
        }

        fit = Math.Max(fit, 1);
        return new FlowSplit(new LinesFragment(lines.Take(fit).ToList(), _align, _indent), new ParagraphBlock(this, lines.Skip(fit).ToList()));
    }
}

/// <summary>A stack of line boxes, drawn top-down.</summary>
internal sealed class LinesFragment(IReadOnlyList<ILineBox> lines, Align align, double indent = 0) : IFragment
{
    public double Height { get; } = lines.Sum(l => l.Height);

    public IReadOnlyList<ILineBox> Lines => lines;

    public void Draw(DrawContext context, XRect area)
    {
        var top = area.Top;
        foreach (var line in lines)
        {
            line.Draw(context, area.Left + indent + align.Offset(area.Width - indent, line.Width), top);
            top += line.Height;
        }
    }
}
