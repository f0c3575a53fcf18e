using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskIntel.Core;
using RiskIntel.Core.Files;

namespace RiskIntel.Tests.Core.Files;

public sealed class FilesServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(null, typeof(LocalFileStore))]
    [InlineData("Local", typeof(LocalFileStore))]
    [InlineData("database", typeof(DatabaseFileStore))]
    public void AddRiskIntelCore_RegistersTheStoreFilesStoreNames(string? store, Type expected)
    {
        using var host = Build(store);

        Assert.IsType(expected, host.Services.GetRequiredService<IFileStore>());
    }

    [Theory]
    [InlineData("S3")]
    [InlineData("1")]
    public void AddRiskIntelCore_WithAnUnknownStore_RefusesToStartNamingTheSetting(string store)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(store));

        Assert.Contains("Files:Store", error.Message, StringComparison.Ordinal);
        Assert.Contains("Local or Database", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string? store)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Files:Store"] = store });
        builder.AddRiskIntelCore();
        return builder.Build();
    }
}
