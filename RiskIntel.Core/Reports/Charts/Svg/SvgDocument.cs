using System.Globalization;
using System.Xml.Linq;

namespace RiskIntel.Core.Reports.Charts.Svg;

/// <summary>
/// Builds SVG through LINQ to XML, so every piece of user text is escaped by the XML writer rather than by hand.
/// </summary>
internal static class SvgDocument
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Root(double width, double height, string idPrefix, string title, string description)
    {
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";
        return new XElement(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            new XAttribute("width", Num(width)),
            new XAttribute("height", Num(height)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XAttribute("font-family", "Roboto, 'Helvetica Neue', Arial, sans-serif"),
            new XElement(Ns + "title", new XAttribute("id", titleId), title),
            new XElement(Ns + "desc", new XAttribute("id", descId), description));
    }

    public static XElement Text(double x, double y, string text, string anchor, double size, string fill, string? weight = null)
    {
        var element = new XElement(Ns + "text",
            new XAttribute("x", Num(x)),
            new XAttribute("y", Num(y)),
            new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", Num(size)),
            new XAttribute("fill", fill),
            text);
        if (weight is not null)
        {
            element.Add(new XAttribute("font-weight", weight));
        }

        return element;
    }

    public static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => $"{Num(p.X)},{Num(p.Y)}"));

    public static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Serialize(XElement root) => root.ToString(SaveOptions.DisableFormatting);
}
