using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.Structured;

/// <summary>
/// The model answered, but not with what was asked for (no JSON, or JSON that breaks the schema) even after
/// being shown its mistakes. Running the same prompt again is unlikely to help, so it is not retried.
/// </summary>
public sealed class ModelOutputException(string message)
    : ClassifiedException("ModelOutputException", message, isRetryable: false);
