using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Prompts;

/// <summary>
/// Submits an AI_PREVIEW job as the signed-in user, from draft texts or from a stored prompt version,
/// and shows it live.
/// </summary>
public sealed partial class PreviewRunner
{
    private JobDto? _job;
    private bool _submitting;
    private string? _error;

    [Inject]
    private JobService Jobs { get; set; } = null!;

    [Inject]
    private PromptQueries Prompts { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter]
    public string? SystemPrompt { get; set; }

    [Parameter]
    public string? UserPrompt { get; set; }

    /// <summary>When set, the stored texts of this prompt (at <see cref="Version"/>) run instead of the draft.</summary>
    [Parameter]
    public Guid? PromptId { get; set; }

    [Parameter]
    public int? Version { get; set; }

    [Parameter]
    [EditorRequired]
    public Dictionary<string, string> Values { get; set; } = [];

    [Parameter]
    public string TestIdSuffix { get; set; } = "";

    [Parameter]
    public string? Label { get; set; }

    private bool CanRun => PromptId is not null || !string.IsNullOrWhiteSpace(UserPrompt);

    public async Task RunAsync()
    {
        _submitting = true;
        _error = null;
        try
        {
            var userId = (await AuthenticationState).User.GetUserId();
            var variables = Values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value));
            var tooLarge = PromptId is null
                ? PromptPreview.Check(SystemPrompt, UserPrompt, variables, model: null)
                : PromptPreview.Check(null, null, variables, model: null);
            if (tooLarge.Count > 0)
            {
                _error = string.Join(" ", tooLarge.Values.SelectMany(e => e));
                return;
            }

            JobSubmission submission;
            if (PromptId is { } id)
            {
                var stored = await Prompts.GetAsync(id, Version, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Version {Version} of the prompt no longer exists.");
                submission = PromptPreview.Stored(stored, Used(variables, stored.Variables), null, userId);
            }
            else
            {
                submission = PromptPreview.Draft(
                    SystemPrompt, UserPrompt!, Used(variables, PromptTemplate.Variables(SystemPrompt, UserPrompt)), null, userId);
            }

            _job = (await Jobs.SubmitAsync(submission, CancellationToken.None)).Job;
        }
        catch (Exception ex) when (ex is InvalidOperationException or SubmissionRejectedException)
        {
            _error = ex.Message;
        }
        finally
        {
            _submitting = false;
        }
    }

    // Only the variables the texts use, so an unrelated leftover value does not make two runs look different.
    private static Dictionary<string, JsonElement> Used(Dictionary<string, JsonElement> all, IReadOnlyList<string> names) =>
        all.Where(v => names.Contains(v.Key)).ToDictionary();
}
