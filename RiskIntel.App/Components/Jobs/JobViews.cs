using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// The map from job type to its result view and label, filled by one registration line per type. Scoped (one per
/// circuit): a job's label depends only on its input, so it is looked up once per job and kept.
/// </summary>
internal sealed class JobViews(IEnumerable<JobTypeView> views, IServiceProvider services)
{
    private readonly Dictionary<JobType, JobTypeView> _views = views.ToDictionary(v => v.Type);
    private readonly ConcurrentDictionary<Guid, Task<string>> _labels = new();

    /// <summary>The registered result view of the type, or the plain JSON view for a type without one.</summary>
    public Type ResultView(JobType type) => _views.TryGetValue(type, out var view) ? view.ResultView : typeof(JsonResultView);

    public bool HasView(JobType type) => _views.ContainsKey(type);

    /// <summary>The label if it is already known, so a row renders it at once.</summary>
    public string? KnownLabel(Guid jobId) =>
        _labels.TryGetValue(jobId, out var label) && label.IsCompletedSuccessfully ? label.Result : null;

    /// <summary>The job's label from its type's provider; the type's name when the type has none.</summary>
    public Task<string> LabelAsync(JobDto job, CancellationToken cancellationToken)
    {
        if (!_views.TryGetValue(job.Type, out var view))
        {
            return Task.FromResult(JobLabels.Name(job.Type));
        }

        var label = _labels.GetOrAdd(job.Id, _ => ((IJobLabelProvider)services.GetRequiredService(view.LabelProvider)).LabelAsync(job, cancellationToken));
        if (label.IsFaulted || label.IsCanceled)
        {
            // A lookup that failed (a cancelled page, a busy database) is tried again next time.
            _labels.TryRemove(job.Id, out _);
        }

        return label;
    }

    /// <summary>"Coop scoring · v3 (4f2a9c1b)": what snackbars and tab titles call a job.</summary>
    public async Task<string> TitleAsync(JobDto job, CancellationToken cancellationToken) =>
        $"{await LabelAsync(job, cancellationToken)} ({JobLabels.ShortId(job.Id)})";
}
