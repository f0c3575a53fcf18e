namespace RiskIntel.Core.Ai.Offline;

/// <summary>The common rule of thumb for English text with BPE tokenizers: about four characters a token.</summary>
public static class TokenEstimator
{
    public static int Estimate(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : (int)((text.Length + 3L) / 4);
}
