using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace RiskIntel.Core.Documents.Parsing.Docx;

/// <summary>
/// The heading level of each paragraph style: built-in "heading N" names, or an outline level in the style,
/// inherited through <c>w:basedOn</c>. Read with a forward-only reader, never as a DOM, so a huge styles part
/// costs no more memory than a small one.
/// </summary>
internal sealed class DocxStyles
{
    private readonly Dictionary<string, (string? Name, string? BasedOn, int? OutlineLevel)> _styles = new(StringComparer.Ordinal);

    public static DocxStyles Read(StyleDefinitionsPart? part, CancellationToken cancellationToken)
    {
        var styles = new DocxStyles();
        if (part is null)
        {
            return styles;
        }

        using var reader = OpenXmlReader.Create(part);
        string? id = null;
        var elements = 0;
        while (reader.Read())
        {
            if ((++elements & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!reader.IsStartElement)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "style":
                    id = Attribute(reader, "styleId");
                    if (id is not null)
                    {
                        styles._styles[id] = (null, null, null);
                    }

                    break;
                case "name" when id is not null:
                    styles._styles[id] = styles._styles[id] with { Name = Attribute(reader, "val") };
                    break;
                case "basedOn" when id is not null:
                    styles._styles[id] = styles._styles[id] with { BasedOn = Attribute(reader, "val") };
                    break;
                case "outlineLvl" when id is not null:
                    styles._styles[id] = styles._styles[id] with { OutlineLevel = ParseLevel(Attribute(reader, "val")) };
                    break;
            }
        }

        return styles;
    }

    /// <summary>The heading level (1–9) a style gives, or null for body text.</summary>
    public int? HeadingLevel(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < 16 && _styles.TryGetValue(styleId, out var style); depth++)
        {
            if (style.OutlineLevel is { } level)
            {
                return level;
            }

            var name = style.Name ?? "";
            if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
            {
                return n;
            }

            styleId = style.BasedOn;
        }

        return null;
    }

    /// <summary>w:outlineLvl counts from 0; 9 means body text.</summary>
    public static int? ParseLevel(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 8 ? level + 1 : null;

    public static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
