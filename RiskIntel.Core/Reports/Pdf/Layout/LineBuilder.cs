using System.Globalization;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>The state of <see cref="LineBreaker"/>: the line being filled and the word being collected.</summary>
internal sealed class LineBuilder(double maxWidth, TextMeasurer measurer)
{
    private const string BreakAfter = "/-_.?&=,;:|\\";
    private static readonly TextStyle DefaultStyle = new(9, FontFace.Regular, PdfSharp.Drawing.XColors.Black);
    private readonly List<TextLine> _lines = [];
    private readonly List<TextSegment> _segments = [];
    private readonly List<(string Text, TextStyle Style)> _word = [];
    private TextStyle? _space;
    private TextStyle? _lastStyle;
    private double _x;

    public void Word(string text, TextStyle style) => _word.Add((text, style));

    public void Separator(bool hardBreak, TextStyle style)
    {
        FlushWord();
        _lastStyle = style;
        if (hardBreak)
        {
            EndLine();
            _space = null;
        }
        else if (_segments.Count > 0)
        {
            _space = style;
        }
    }

    public IReadOnlyList<TextLine> Finish()
    {
        FlushWord();
        if (_segments.Count > 0 || _lines.Count == 0)
        {
            EndLine();
        }

        return _lines;
    }

    private void FlushWord()
    {
        if (_word.Count == 0)
        {
            return;
        }

        var width = _word.Sum(p => measurer.Width(p.Text, p.Style));
        var spaceWidth = _space is null ? 0 : measurer.Width(" ", _space);
        if (_segments.Count > 0 && _x + spaceWidth + width > maxWidth)
        {
            EndLine();
            spaceWidth = 0;
        }

        if (width <= maxWidth - _x - spaceWidth)
        {
            PlaceSpace();
            foreach (var (text, style) in _word)
            {
                Place(text, style);
            }
        }
        else
        {
            PlaceSpace();
            foreach (var (text, style) in _word)
            {
                PlaceCut(text, style);
            }
        }

        _word.Clear();
    }

    private void PlaceCut(string text, TextStyle style)
    {
        while (measurer.Width(text, style) > maxWidth - _x)
        {
            var cut = CutPoint(text, style, maxWidth - _x);
            if (cut == 0)
            {
                if (_segments.Count == 0)
                {
                    cut = StringInfo.GetNextTextElementLength(text);
                }
                else
                {
                    EndLine();
                    continue;
                }
            }

            Place(text[..cut], style);
            EndLine();
            text = text[cut..];
        }

        if (text.Length > 0)
        {
            Place(text, style);
        }
    }

    // The longest prefix of whole text elements that fits, moved back to just after a separator (a hyphen, a slash)
    // unless that would leave most of the line empty.
    private int CutPoint(string text, TextStyle style, double available)
    {
        var width = 0.0;
        var cut = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            width += measurer.Width(element, style);
            if (width > available)
            {
                break;
            }

            cut = enumerator.ElementIndex + element.Length;
        }

        for (var i = cut - 1; i > cut * 0.3; i--)
        {
            if (BreakAfter.Contains(text[i - 1], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return cut;
    }

    private void PlaceSpace()
    {
        if (_space is not null && _segments.Count > 0)
        {
            Place(" ", _space);
        }

        _space = null;
    }

    private void Place(string text, TextStyle style)
    {
        var last = _segments.Count - 1;
        if (last >= 0 && _segments[last].Style == style)
        {
            _segments[last] = _segments[last] with { Text = _segments[last].Text + text };
        }
        else
        {
            _segments.Add(new TextSegment(text, style, _x));
        }

        _x += measurer.Width(text, style);
        _lastStyle = style;
    }

    private void EndLine()
    {
        var styles = _segments.Count > 0 ? _segments.Select(s => s.Style).ToList() : [_lastStyle ?? DefaultStyle];
        var height = styles.Max(s => s.LineHeight);
        var baseline = styles.Max(s => measurer.Baseline(s) + ((height - s.LineHeight) / 2));
        _lines.Add(new TextLine(_segments.ToList(), _x, height, baseline));
        _segments.Clear();
        _x = 0;
        _space = null;
    }
}
