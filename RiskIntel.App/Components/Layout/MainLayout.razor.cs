using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RiskIntel.App.Components.Shared;

namespace RiskIntel.App.Components.Layout;

public sealed partial class MainLayout
{
    private bool _darkMode;
    private bool _drawerOpen = true;
    private bool _interactive;

    [CascadingParameter]
    private BrowserPreferences? Preferences { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Browser tests wait for this attribute: clicks made before the circuit is up are lost.</summary>
    private string? InteractiveMarker => _interactive ? "true" : null;

    protected override void OnInitialized() => _darkMode = Preferences?.DarkMode ?? false;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>Kept in a cookie, so the next page's first paint (rendered on the server) is already in this theme.</summary>
    private async Task SetDarkModeAsync(bool darkMode)
    {
        _darkMode = darkMode;
        await JS.InvokeVoidAsync("riskIntel.setDarkMode", darkMode);
    }
}
