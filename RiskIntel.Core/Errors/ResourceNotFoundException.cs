namespace RiskIntel.Core.Errors;

/// <summary>Something the work needs does not exist; retrying will not create it.</summary>
public sealed class ResourceNotFoundException(string message)
    : ClassifiedException("ResourceNotFoundException", message, isRetryable: false);
