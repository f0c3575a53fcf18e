using System.Net;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobErrorClassifierTests
{
    public static TheoryData<Exception, string, bool> Cases() => new()
    {
        { new InputValidationException("bad"), "ValidationException", false },
        { new TimeoutException("slow"), "TimeoutException", true },
        { new HttpRequestException("busy", null, HttpStatusCode.TooManyRequests), "ThrottlingException", true },
        { new HttpRequestException("down", null, HttpStatusCode.ServiceUnavailable), "ServiceUnavailableException", true },
        { new HttpRequestException("no", null, HttpStatusCode.Forbidden), "AccessDeniedException", false },
        { new HttpRequestException("refused"), "ServiceUnavailableException", true },
        { new UnauthorizedAccessException("no"), "AccessDeniedException", false },
        { new KeyNotFoundException("gone"), "ResourceNotFoundException", false },
        { new IOException("disk"), "TransientStorageException", true },
        { new InvalidOperationException("odd"), "InvalidOperationException", false },
        { new OverflowException("bug"), "OverflowException", false },
        { new InvalidCastException("bug"), "InvalidCastException", false },
        { new AggregateException(new TimeoutException("slow")), "TimeoutException", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_MapsKindAndRetryability(Exception exception, string kind, bool retryable)
    {
        var error = JobErrorClassifier.Classify(exception);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.StartsWith(kind + ": ", error.ToString(), StringComparison.Ordinal);
    }
}
