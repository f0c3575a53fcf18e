using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace RiskIntel.Core.Files;

internal static class FilesServiceCollectionExtensions
{
    /// <summary>The file store for documents and reports: a local folder by default.</summary>
    public static IHostApplicationBuilder AddFiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<IFileStore, LocalFileStore>();
        return builder;
    }
}
