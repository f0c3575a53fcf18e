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

    /// <summary>Told which variables a run was refused for (none once a run starts).</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<string>> BlankVariablesChanged { get; set; }

    private bool CanRun => PromptId is not null || !string.IsNullOrWhiteSpace(UserPrompt);

    /// <summary>Submits the preview; false when it was refused before submitting (blank variables, a vanished version).</summary>
    public async Task<bool> RunAsync()
    {
        _submitting = true;
        _error = null;
        try
        {
            var userId = (await AuthenticationState).User.GetUserId();
            var stored = PromptId is { } id
                ? await Prompts.GetAsync(id, Version, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Version {Version} of the prompt no longer exists.")
                : null;
            var names = stored?.Variables ?? PromptTemplate.Variables(SystemPrompt, UserPrompt);
            var blank = PreviewVariables.Blank(names, Values);
            await BlankVariablesChanged.InvokeAsync(blank);
            var variables = Values.Where(v => names.Contains(v.Key)).ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value));
            var tooLarge = stored is null
                ? PromptPreview.Check(SystemPrompt, UserPrompt, variables, model: null)
                : PromptPreview.Check(null, null, variables, model: null);
            if (tooLarge.Count > 0)
            {
                _error = string.Join(" ", tooLarge.Values.SelectMany(e => e));
                return false;
            }

            if (blank.Count > 0)
            {
                _error = PreviewVariables.Message(blank);
                return false;
            }

            var submission = stored is not null
                ? PromptPreview.Stored(stored, variables, null, userId)
                : PromptPreview.Draft(SystemPrompt, UserPrompt!, variables, null, userId);
            _job = (await Jobs.SubmitAsync(submission, CancellationToken.None)).Job;
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or SubmissionRejectedException)
        {
            _error = ex.Message;
            return false;
        }
        finally
        {
            _submitting = false;
        }
    }
}
