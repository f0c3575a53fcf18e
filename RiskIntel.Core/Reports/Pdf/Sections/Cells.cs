using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>Table cells that need more than text.</summary>
internal static class Cells
{
    public const double BadgeSize = 6.4;

    public static TableCell Badge(RiskLevel level) => new([new CellBox(m => new LevelBadge(level, BadgeSize, m))]);
}
