namespace RiskIntel.Core.Prompts;

/// <summary>Prompt input that breaks a rule; <see cref="Errors"/> names each bad field.</summary>
public sealed class PromptValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The prompt input is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The request clashes with the library's current state (stale version, taken name, another active prompt).</summary>
public class PromptConflictException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>Another prompt is already active in the section; activating with replace deactivates it.</summary>
public sealed class PromptActivationConflictException(PromptDto active)
    : PromptConflictException(
        "Another prompt is active",
        $"\"{active.Name}\" (id {active.Id}, version {active.Version}) is the active {active.Section.ToApiName()} prompt. "
        + "Deactivate it first, or activate with replace=true to swap it out.")
{
    public PromptDto Active { get; } = active;
}
