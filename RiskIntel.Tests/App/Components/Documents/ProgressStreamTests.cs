using RiskIntel.App.Components.Documents;

namespace RiskIntel.Tests.App.Components.Documents;

public sealed class ProgressStreamTests
{
    [Fact]
    public async Task Read_AsTheFileStoreDoes_ReportsTheRunningTotal_EndingAtTheFileSize_AndPassesTheBytesUnchanged()
    {
        var content = new byte[200_000];
        new Random(7).NextBytes(content);
        var reports = new List<long>();
        using var target = new MemoryStream();

        await using (var stream = new ProgressStream(new MemoryStream(content), new Recorder(reports)))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                target.Write(buffer, 0, read);
            }
        }

        Assert.Equal([81920, 163840, 200_000], reports);
        Assert.Equal(content, target.ToArray());
    }

    [Fact]
    public void Dispose_DisposesTheBrowserStream()
    {
        var inner = new MemoryStream([1, 2, 3]);

        new ProgressStream(inner, new Recorder([])).Dispose();

        Assert.False(inner.CanRead);
    }

    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
