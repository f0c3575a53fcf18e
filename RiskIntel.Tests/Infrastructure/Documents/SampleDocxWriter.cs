using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>
/// How a sample DOCX is written: with its page breaks or without, optional image parts, and <paramref name="Finished"/>:
/// an A4 section with margins and a "Page N of M" footer (PAGE and NUMPAGES fields), as a partner's plan would have.
/// </summary>
public sealed record SampleDocxOptions(bool PageBreaks = true, byte[]? Image = null, int ImageCount = 0, bool Finished = false);

/// <summary>
/// Writes a <see cref="SampleDocument"/> as a DOCX with OpenXml: "heading N" styles, paragraphs, bulleted lists
/// (a numbering part), bordered tables, <c>w:br w:type="page"</c> breaks and core properties (title, creator). Dates and zip timestamps
/// are fixed, so the same description gives the same bytes.
/// </summary>
public static class SampleDocxWriter
{
    private static readonly DateTime FixedDate = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    public static byte[] Write(SampleDocument sample, SampleDocxOptions? options = null)
    {
        options ??= new SampleDocxOptions();
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            WriteCoreProperties(document.AddNewPart<CoreFilePropertiesPart>("rIdCore"), sample);
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdMain");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = HeadingStyles();
            var body = new Body();
            foreach (var block in sample.Blocks)
            {
                body.Append(ToElements(block, options));
            }

            if (sample.Blocks.OfType<SampleList>().Any())
            {
                main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = SampleDocxParts.BulletNumbering();
            }

            if (options.Finished)
            {
                main.AddNewPart<FooterPart>("rIdFooter").Footer = SampleDocxParts.PageNumberFooter();
                body.Append(SampleDocxParts.A4Section("rIdFooter"));
            }

            main.Document = new Document(body);
            for (var i = 0; i < options.ImageCount && options.Image is not null; i++)
            {
                using var image = new MemoryStream(options.Image);
                main.AddImagePart(ImagePartType.Png, $"rIdImage{i}").FeedData(image);
            }
        }

        return FixTimestamps(output.ToArray());
    }

    /// <summary>docProps/core.xml written directly: System.IO.Packaging's own core part has a random name.</summary>
    private static void WriteCoreProperties(CoreFilePropertiesPart part, SampleDocument sample)
    {
        var date = FixedDate.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var xml = new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement(
            CoreNamespace + "coreProperties",
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "cp", CoreNamespace.NamespaceName),
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "dc", DcNamespace.NamespaceName),
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "dcterms", TermsNamespace.NamespaceName),
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "xsi", XsiNamespace.NamespaceName),
            new System.Xml.Linq.XElement(DcNamespace + "title", sample.Title),
            sample.Author is null ? null : new System.Xml.Linq.XElement(DcNamespace + "creator", sample.Author),
            new System.Xml.Linq.XElement(TermsNamespace + "created", new System.Xml.Linq.XAttribute(XsiNamespace + "type", "dcterms:W3CDTF"), date),
            new System.Xml.Linq.XElement(TermsNamespace + "modified", new System.Xml.Linq.XAttribute(XsiNamespace + "type", "dcterms:W3CDTF"), date)));
        using var stream = part.GetStream(FileMode.Create);
        xml.Save(stream);
    }

    private static readonly System.Xml.Linq.XNamespace CoreNamespace = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly System.Xml.Linq.XNamespace DcNamespace = "http://purl.org/dc/elements/1.1/";
    private static readonly System.Xml.Linq.XNamespace TermsNamespace = "http://purl.org/dc/terms/";
    private static readonly System.Xml.Linq.XNamespace XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static IEnumerable<OpenXmlElement> ToElements(SampleBlock block, SampleDocxOptions options) => block switch
    {
        SampleHeading h => [new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{h.Level}" }), new Run(new Text(h.Text)))],
        SampleParagraph p => [new Paragraph(new Run(new Text(p.Text) { Space = SpaceProcessingModeValues.Preserve }))],
        SampleList l => l.Items.Select(SampleDocxParts.ListItem),
        SampleTable t => [Table(t)],
        SamplePageBreak when options.PageBreaks => [new Paragraph(new Run(new Break { Type = BreakValues.Page }))],
        _ => [],
    };

    private static Table Table(SampleTable table)
    {
        // Schema order matters (the validator and Word check it): tblW before tblBorders, borders top-left-bottom-right, then the grid.
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var columns = table.Rows.Max(r => r.Length);
        var result = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9638 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        foreach (var (row, index) in table.Rows.Select((row, index) => (row, index)))
        {
            result.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(
                index == 0 ? new Run(new RunProperties(new Bold()), new Text(cell)) : new Run(new Text(cell)))))));
        }

        return result;
    }

    private static Styles HeadingStyles()
    {
        var styles = new Styles(new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = (36 - (6 * level)).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }

        styles.Append(new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "720" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        return styles;
    }

    private static byte[] FixTimestamps(byte[] package)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = FixedDate;
            }
        }

        return stream.ToArray();
    }
}
