using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Util;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>
/// Groups glyphs into words the way poppler's <c>pdftotext</c> does, so extracted words agree with it:
/// glyphs in content order, a new word at a space glyph, at a gap wider than 0.1 × the font size along the
/// baseline, at a step back of more than half the font size, or at a baseline shift of more than 0.6 × the
/// size (so sub- and superscripts stay in their word, as in "x1" or the LaTeX logo). Font changes do not
/// split words (PdfPig's default extractor splits "(a)" into three when the parentheses are upright and
/// the letter italic). A glyph drawn twice on the same spot (fake bold) is kept once.
/// </summary>
internal sealed class PdfWordExtractor : IWordExtractor
{
    public static readonly PdfWordExtractor Instance = new();

    private const double WordSpacing = 0.1;
    private const double BackStep = 0.5;
    private const double BaselineShift = 0.6;

    public IEnumerable<Word> GetWords(IReadOnlyList<Letter> letters)
    {
        var words = new List<Word>();
        var current = new List<Letter>();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                Flush();
                previous = null;
                continue;
            }

            if (previous is not null && IsDuplicate(previous, letter))
            {
                continue;
            }

            if (previous is not null && StartsNewWord(previous, letter))
            {
                Flush();
            }

            current.Add(letter);
            previous = letter;
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Count > 0)
            {
                words.Add(new Word([.. current]));
                current.Clear();
            }
        }
    }

    private static double SizeOf(Letter letter) => letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);

    private static bool IsDuplicate(Letter a, Letter b) =>
        a.Value == b.Value
        && Math.Abs(a.StartBaseLine.X - b.StartBaseLine.X) < 0.1 * SizeOf(a)
        && Math.Abs(a.StartBaseLine.Y - b.StartBaseLine.Y) < 0.2 * SizeOf(a);

    private static bool StartsNewWord(Letter previous, Letter next)
    {
        // Measured along the previous glyph's baseline, so rotated text is grouped like horizontal text.
        var dx = previous.EndBaseLine.X - previous.StartBaseLine.X;
        var dy = previous.EndBaseLine.Y - previous.StartBaseLine.Y;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        (dx, dy) = length < 1e-6 ? (1.0, 0.0) : (dx / length, dy / length);
        var vx = next.StartBaseLine.X - previous.EndBaseLine.X;
        var vy = next.StartBaseLine.Y - previous.EndBaseLine.Y;
        var along = (vx * dx) + (vy * dy);
        var across = Math.Abs((vy * dx) - (vx * dy));
        var size = SizeOf(previous);
        return along > WordSpacing * size || along < -BackStep * size || across > BaselineShift * size;
    }
}
