using System.Security.Cryptography;
using RiskIntel.Core.Files;

namespace RiskIntel.Tests.Core.Files;

/// <summary>What every <see cref="IFileStore"/> promises, run against each store by the classes deriving from this one.</summary>
public abstract class FileStoreContract
{
    private const long Mb = 1024 * 1024;

    protected abstract IFileStore Store { get; }

    /// <summary>Everything the store holds, finished or not (files, temporary files, rows).</summary>
    protected abstract Task<int> CountStoredAsync();

    [Fact]
    public async Task Save_ThenOpen_ReadsTheSameBytesAndTellsTheirSizeAndHash()
    {
        var content = RandomBytes((int)(2.5 * Mb), seed: 1);

        var stored = await Store.SaveAsync(new MemoryStream(content), 10 * Mb, default);

        Assert.Equal(content.LongLength, stored.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        Assert.Matches("^[0-9]{4}-[0-9]{2}/[0-9a-f]{32}$", stored.Key);
        Assert.Equal(content, await ReadAllAsync(stored.Key));
    }

    [Fact]
    public async Task Save_OfAnEmptyFile_KeepsAnEmptyFile()
    {
        var stored = await Store.SaveAsync(new MemoryStream(), Mb, default);

        Assert.Equal(0, stored.Bytes);
        Assert.Empty(await ReadAllAsync(stored.Key));
    }

    [Fact]
    public async Task Save_PastMaxBytes_ThrowsAndKeepsNothing()
    {
        var before = await CountStoredAsync();

        await Assert.ThrowsAsync<FileTooLargeException>(() => Store.SaveAsync(new GeneratedStream(3 * Mb + 1), 3 * Mb, default));
        await Assert.ThrowsAsync<FileTooLargeException>(() => Store.SaveAsync("reports/too-large.pdf", new GeneratedStream(3 * Mb + 1), 3 * Mb, default));

        Assert.Equal(before, await CountStoredAsync());
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync("reports/too-large.pdf", default));
    }

    [Fact]
    public async Task SaveUnderKey_ReplacesTheFileThere()
    {
        var key = $"reports/{Guid.NewGuid()}.pdf";
        var first = RandomBytes((int)(1.5 * Mb), seed: 2);
        var second = RandomBytes(1000, seed: 3);
        await Store.SaveAsync(key, new MemoryStream(first), 10 * Mb, default);
        var before = await CountStoredAsync();

        var replaced = await Store.SaveAsync(key, new MemoryStream(second), 10 * Mb, default);

        Assert.Equal(key, replaced.Key);
        Assert.Equal(second, await ReadAllAsync(key));
        Assert.True(await CountStoredAsync() <= before, "the replaced file's storage was not freed");
    }

    [Fact]
    public async Task Delete_RemovesTheFile_AndAgainIsNotAnError()
    {
        var stored = await Store.SaveAsync(new MemoryStream(RandomBytes(5000, seed: 4)), Mb, default);

        await Store.DeleteAsync(stored.Key, default);
        await Store.DeleteAsync(stored.Key, default);
        await Store.DeleteAsync("2026-01/never-stored", default);

        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync(stored.Key, default));
    }

    [Fact]
    public async Task Save_OfA30MbStream_ReadsBackEqualByHash()
    {
        var stored = await Store.SaveAsync(new GeneratedStream(30 * Mb), 31 * Mb, default);

        await using var read = await Store.OpenReadAsync(stored.Key, default);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read));
        Assert.Equal(30 * Mb, stored.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new GeneratedStream(30 * Mb))), stored.Sha256);
        Assert.Equal(stored.Sha256, hash);
    }

    [Fact]
    public async Task OpenRead_IsSeekable_AsContentDetectionNeeds()
    {
        var content = RandomBytes((int)(2 * Mb) + 300, seed: 5);
        var stored = await Store.SaveAsync(new MemoryStream(content), 10 * Mb, default);

        await using var read = await Store.OpenReadAsync(stored.Key, default);
        read.Seek(-200, SeekOrigin.End);
        var tail = new byte[500];
        var count = read.ReadAtLeast(tail, 500, throwOnEndOfStream: false);
        read.Position = Mb - 10;
        var across = new byte[20];
        read.ReadExactly(across);

        Assert.Equal(content.Length, read.Length);
        Assert.Equal(content[^200..], tail[..count]);
        Assert.Equal(content[(int)(Mb - 10)..(int)(Mb + 10)], across);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("reports/a b.pdf")]
    public async Task Keys_NotOfTheStore_AreRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, new MemoryStream([1]), Mb, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, default));
    }

    protected async Task<byte[]> ReadAllAsync(string key)
    {
        await using var read = await Store.OpenReadAsync(key, default);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
