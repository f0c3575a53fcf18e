using System.Globalization;

namespace RiskIntel.Core.Ai;

/// <summary>One wording for a model call that outlived <see cref="AiOptions.RequestTimeout"/>, whatever the provider.</summary>
internal static class AiTimeouts
{
    public static string Message(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"the model did not answer within {timeout.TotalSeconds:0.###} s");
}
