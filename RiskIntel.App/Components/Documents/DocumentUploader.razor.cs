using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RiskIntel.Core.Documents;

namespace RiskIntel.App.Components.Documents;

/// <summary>
/// Drop zone and picker in one: the file input covers the zone, so a drop or a click lands on it. Each file is
/// checked here first (type by name or MIME type, size), then streamed from the browser straight into
/// <see cref="DocumentService.UploadAsync"/> through a <see cref="ProgressStream"/> that drives its progress bar.
/// </summary>
public sealed partial class DocumentUploader : IDisposable
{
    private const int MaxFilesAtOnce = 10;
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<Upload> _uploads = [];
    private readonly CancellationTokenSource _cts = new();
    private bool _dragging;

    [Inject]
    private DocumentService Documents { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid AssessmentId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>Raised for each accepted file, with its document and PARSE_DOCUMENT job.</summary>
    [Parameter]
    public EventCallback<UploadResult> Uploaded { get; set; }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    private async Task OnFilesAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        _uploads.RemoveAll(u => u.Error is not null);
        if (e.FileCount > MaxFilesAtOnce)
        {
            _uploads.Add(new Upload($"{e.FileCount} files", 0) { Error = $"Choose at most {MaxFilesAtOnce} files at once." });
            return;
        }

        var files = e.GetMultipleFiles(MaxFilesAtOnce).Select(f => (File: f, Upload: new Upload(f.Name, f.Size))).ToList();
        foreach (var (file, upload) in files)
        {
            upload.Error = UploadCheck.Problem(file.Name, file.ContentType, file.Size, Documents.MaxUploadBytes);
            _uploads.Add(upload);
        }

        foreach (var (file, upload) in files.Where(f => f.Upload.Error is null))
        {
            await SendAsync(file, upload);
        }
    }

    private async Task SendAsync(IBrowserFile file, Upload upload)
    {
        var lastRender = Time.GetTimestamp();
        var progress = new Reporter(sent =>
        {
            upload.Sent = sent;
            if (Time.GetElapsedTime(lastRender) >= RenderInterval)
            {
                lastRender = Time.GetTimestamp();
                _ = InvokeAsync(StateHasChanged);
            }
        });

        UploadResult result;
        try
        {
            await using var content = new ProgressStream(file.OpenReadStream(Documents.MaxUploadBytes, _cts.Token), progress);
            result = await Documents.UploadAsync(AssessmentId, UserId, file.Name, content, _cts.Token);
        }
        catch (IOException)
        {
            upload.Error = $"“{file.Name}” could not be read from your browser: the transfer was interrupted. Try again.";
            return;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }

        if (result.Outcome != UploadOutcome.Accepted)
        {
            upload.Error = UploadCheck.Explain(result, file.Name, Documents.MaxUploadBytes);
            return;
        }

        // The documents list shows the file from here on, with its parse status.
        _uploads.Remove(upload);
        await Uploaded.InvokeAsync(result);
    }

    private sealed class Upload(string fileName, long bytes)
    {
        public string FileName { get; } = fileName;

        public long Bytes { get; } = bytes;

        public long Sent { get; set; }

        public string? Error { get; set; }

        public int Percent => Bytes == 0 ? 0 : (int)Math.Min(100, Sent * 100 / Bytes);

        public string Caption => Percent < 100 ? $"Uploading… {Percent}%" : "Uploaded; checking the file";
    }

    /// <summary>Reports on the reading thread, unlike <see cref="Progress{T}"/>, which posts to a context the circuit may be busy on.</summary>
    private sealed class Reporter(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
