using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Documents;

internal static class DocumentsServiceCollectionExtensions
{
    /// <summary>Uploads, local parsing (PARSE_DOCUMENT) and the chain to gap detection.</summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DocumentFormatDetector>();
        services.TryAddSingleton<DocumentParser>();
        services.TryAddSingleton<DocumentService>();
        services.TryAddSingleton<DocumentQueries>();
        services.AddSingleton<IJobHandler, ParseDocumentHandler>();
        services.AddSingleton<IJobCompletionHandler, ParseCompletionHandler>();
        return builder;
    }
}
