using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Files;

namespace RiskIntel.Tests.Core.Files;

public sealed class LocalFileStoreTests : FileStoreContract, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("riskintel-files-");

    public LocalFileStoreTests() => Store = new LocalFileStore(
        Options.Create(new FilesOptions { Root = _root.FullName }), new HostingEnvironment { ContentRootPath = _root.FullName }, TimeProvider.System);

    protected override IFileStore Store { get; }

    protected override Task<int> CountStoredAsync() =>
        Task.FromResult(_root.EnumerateFiles("*", SearchOption.AllDirectories).Count());

    public void Dispose() => _root.Delete(recursive: true);
}
