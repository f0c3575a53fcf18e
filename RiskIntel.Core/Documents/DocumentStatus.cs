namespace RiskIntel.Core.Documents;

public enum DocumentStatus
{
    /// <summary>Stored; its PARSE_DOCUMENT job has not finished yet.</summary>
    Parsing,

    Parsed,

    /// <summary>Could not be read; <see cref="Document.Error"/> says why.</summary>
    Failed,
}
