using System.Text.Json;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Prompts;

/// <summary>
/// AI_PREVIEW jobs by what they ran: "Coop scoring · v3" for a stored prompt's version (the name as that version
/// had it, deleted prompts included), "Draft preview" for texts typed into the editor.
/// </summary>
internal sealed class AiPreviewLabelProvider(PromptQueries prompts) : IJobLabelProvider
{
    public const string Draft = "Draft preview";

    public async Task<string> LabelAsync(JobDto job, CancellationToken cancellationToken)
    {
        if (job.Input.ValueKind != JsonValueKind.Object
            || !job.Input.TryGetProperty("promptId", out var idValue) || !idValue.TryGetGuid(out var promptId))
        {
            return Draft;
        }

        int? version = job.Input.TryGetProperty("promptVersion", out var versionValue) && versionValue.TryGetInt32(out var v) ? v : null;
        var prompt = await prompts.GetAsync(promptId, version, cancellationToken);
        return prompt is null
            ? version is { } known ? $"Stored prompt · v{known}" : "Stored prompt"
            : $"{prompt.Name} · v{prompt.Version}";
    }
}
