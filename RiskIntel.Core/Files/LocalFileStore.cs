using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Files;

/// <summary>
/// Files in a local folder (<c>Files:Root</c>). A file is written to a temporary name in the same folder, flushed,
/// then renamed into place, so a crash leaves either the whole file or none under its key.
/// </summary>
internal sealed class LocalFileStore(IOptions<FilesOptions> options, IHostEnvironment environment, TimeProvider time) : IFileStore
{
    private const int BufferSize = 81920;
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));

    public Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
        SaveAsync(FileKeys.New(time.GetUtcNow()), content, maxBytes, cancellationToken);

    public async Task<StoredFile> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new StoredFile(key, total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // Its month folder is gone too: the file is as deleted as it gets.
        }

        return Task.CompletedTask;
    }

    // Keys are ours ("yyyy-MM/<guid>", "reports/<id>.pdf"); anything else is refused rather than resolved outside the root.
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, FileKeys.Checked(key)));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{key}' is not a key of this store.", nameof(key));
    }
}
