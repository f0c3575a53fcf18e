using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using System.Security.Cryptography;

namespace RiskIntel.App.Components.Layout;

public sealed partial class MainLayout
{
    private const string DarkModeKey = "riskintel.dark-mode";

    private bool _darkMode;
    private bool _drawerOpen = true;
    private bool _interactive;

    [Inject]
    private ProtectedLocalStorage Storage { get; set; } = default!;

    /// <summary>Browser tests wait for this attribute: clicks made before the circuit is up are lost.</summary>
    private string? InteractiveMarker => _interactive ? "true" : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _interactive = true;
        try
        {
            var stored = await Storage.GetAsync<bool>(DarkModeKey);
            _darkMode = stored.Success && stored.Value;
        }
        catch (CryptographicException)
        {
            // A value protected with keys this app no longer has: fall back to the light theme.
        }

        StateHasChanged();
    }

    private async Task SetDarkModeAsync(bool darkMode)
    {
        _darkMode = darkMode;
        await Storage.SetAsync(DarkModeKey, darkMode);
    }
}
