using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace RiskIntel.Core.Assessments;

internal static class AssessmentsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddAssessments(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<AssessmentService>();
        builder.Services.TryAddSingleton<AssessmentQueries>();
        return builder;
    }
}
