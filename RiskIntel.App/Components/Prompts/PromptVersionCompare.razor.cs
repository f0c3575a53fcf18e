using Microsoft.AspNetCore.Components;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Prompts;

/// <summary>Previews of two versions of a prompt side by side, on the same variable values.</summary>
public sealed partial class PromptVersionCompare
{
    private readonly Side[] _sides = [new("-a"), new("-b")];
    private IReadOnlyList<string> _blank = [];

    [Parameter]
    [EditorRequired]
    public Guid PromptId { get; set; }

    /// <summary>Newest first, as <see cref="PromptQueries.GetVersionsAsync"/> returns them.</summary>
    [Parameter]
    [EditorRequired]
    public IReadOnlyList<PromptDto> Versions { get; set; } = [];

    [Parameter]
    [EditorRequired]
    public Dictionary<string, string> Values { get; set; } = [];

    private IEnumerable<Side> Sides => _sides;

    private IReadOnlyList<string> Names =>
        Versions.Where(v => _sides.Any(s => s.Version == v.Version)).SelectMany(v => v.Variables).Distinct().ToList();

    protected override void OnParametersSet()
    {
        if (Versions.Count >= 2 && _sides[0].Version == 0)
        {
            _sides[0].Version = Versions[1].Version;
            _sides[1].Version = Versions[0].Version;
        }
    }

    private PromptDto? Of(int version) => Versions.FirstOrDefault(v => v.Version == version);

    /// <summary>Both or neither: with a variable blank, nothing starts and the missing ones are named once.</summary>
    private async Task RunBothAsync()
    {
        _blank = PreviewVariables.Blank(Names, Values);
        if (_blank.Count > 0)
        {
            return;
        }

        foreach (var side in _sides.Where(s => s.Runner is not null))
        {
            await side.Runner!.RunAsync();
        }
    }

    private sealed class Side(string suffix)
    {
        public string Suffix { get; } = suffix;

        public int Version { get; set; }

        public PreviewRunner? Runner { get; set; }
    }
}
