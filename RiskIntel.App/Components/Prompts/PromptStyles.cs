namespace RiskIntel.App.Components.Prompts;

/// <summary>Inline styles of prompt texts and diffs, on MudBlazor's palette variables so dark mode follows.</summary>
internal static class PromptStyles
{
    private const string Block =
        "white-space: pre-wrap; word-break: break-word; margin: 0; padding: 10px 12px; border-radius: 4px; max-height: 360px; overflow: auto; "
        + "font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8125rem; line-height: 1.5;";

    public const string Text = Block + " background: var(--mud-palette-background-gray);";

    public const string Old = Block + " background: rgba(244, 67, 54, 0.08); border-left: 3px solid var(--mud-palette-error);";

    public const string New = Block + " background: rgba(76, 175, 80, 0.10); border-left: 3px solid var(--mud-palette-success);";
}
