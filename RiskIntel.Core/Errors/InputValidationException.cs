namespace RiskIntel.Core.Errors;

/// <summary>Bad input: a job with it can never succeed, so it is not retried.</summary>
public sealed class InputValidationException(string message, Exception? innerException = null)
    : ClassifiedException("ValidationException", message, isRetryable: false, innerException);
