using MudBlazor;

namespace RiskIntel.App.Components.Layout;

public static class RiskIntelTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f6f5c",
            Secondary = "#5c6b73",
            AppbarBackground = "#1f6f5c",
            Background = "#f5f7f6",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5cc3a4",
            Secondary = "#a3b1b8",
            AppbarBackground = "#1b2624",
            Background = "#121816",
            Surface = "#1b2322",
            DrawerBackground = "#172020",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
