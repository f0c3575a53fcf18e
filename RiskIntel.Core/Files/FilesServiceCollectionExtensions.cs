using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Files;

internal static class FilesServiceCollectionExtensions
{
    private const string StoreKey = $"{FilesOptions.SectionName}:{nameof(FilesOptions.Store)}";

    /// <summary>The file store for documents and reports: a local folder by default, or the application database.</summary>
    public static IHostApplicationBuilder AddFiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (ReadStore(builder.Configuration[StoreKey]) == FileStoreKind.Database)
        {
            builder.Services.TryAddSingleton<DatabaseFileStore>();
            builder.Services.TryAddSingleton<IFileStore>(sp => sp.GetRequiredService<DatabaseFileStore>());
            builder.Services.AddHostedService<DatabaseFileSweeper>();
        }
        else
        {
            builder.Services.TryAddSingleton<IFileStore, LocalFileStore>();
        }

        return builder;
    }

    private static FileStoreKind ReadStore(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? FileStoreKind.Local
        : Enum.TryParse<FileStoreKind>(configured, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(configured.Trim()[0]) ? kind
        : throw new OptionsValidationException(StoreKey, typeof(FilesOptions),
            [$"{StoreKey} is '{configured}'; it must be {string.Join(" or ", Enum.GetNames<FileStoreKind>())}."]);
}
