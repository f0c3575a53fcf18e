namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>
/// One line of stacked content: a line of text, a gap, a badge. Paragraphs and table cells are stacks of line boxes,
/// and pages break only between them, so no line is ever cut.
/// </summary>
internal interface ILineBox
{
    double Height { get; }

    double Width { get; }

    /// <summary>Draws the box with its top-left corner at (<paramref name="x"/>, <paramref name="top"/>).</summary>
    void Draw(DrawContext context, double x, double top);
}

/// <summary>A run of text placed at <paramref name="X"/> within its line.</summary>
internal sealed record TextSegment(string Text, TextStyle Style, double X);

internal sealed record TextLine(IReadOnlyList<TextSegment> Segments, double Width, double Height, double Baseline) : ILineBox
{
    public string Text => string.Concat(Segments.Select(s => s.Text));

    public void Draw(DrawContext context, double x, double top)
    {
        foreach (var segment in Segments)
        {
            context.DrawText(segment.Text, segment.Style, x + segment.X, top + Baseline);
        }
    }
}

/// <summary>Vertical space between paragraphs of a cell; a page may break at it.</summary>
internal sealed record GapBox(double Height) : ILineBox
{
    public double Width => 0;

    public void Draw(DrawContext context, double x, double top)
    {
    }
}

internal enum Align
{
    Left,
    Center,
    Right,
}

internal static class AlignExtensions
{
    public static double Offset(this Align align, double available, double width) => align switch
    {
        Align.Center => Math.Max(0, (available - width) / 2),
        Align.Right => Math.Max(0, available - width),
        _ => 0,
    };
}
