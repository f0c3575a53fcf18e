using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace RiskIntel.Core.Portfolio;

internal static class PortfolioServiceCollectionExtensions
{
    /// <summary>The portfolio: read-only, over the assessments and their analyses.</summary>
    public static IHostApplicationBuilder AddPortfolio(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<PortfolioQueries>();
        return builder;
    }
}
