using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Assessments;

/// <summary>
/// The pipeline jobs of one assessment, oldest first, kept current from the status feed: a newer state of a
/// known job replaces it, a new job of this assessment is added, and changes that arrive while the list is
/// being read are replayed on top of the read, so none is lost between subscribing and reading.
/// </summary>
public sealed class AssessmentJobList(Guid assessmentId)
{
    private readonly List<JobDto> _items = [];
    private readonly List<JobStatusChanged> _duringLoad = [];
    private bool _loading;

    public IReadOnlyList<JobDto> Items => _items;

    public void BeginLoad() => _loading = true;

    public void Reset(IEnumerable<JobDto> jobs)
    {
        _items.Clear();
        _items.AddRange(jobs.OrderBy(j => j.CreatedAt));
        _loading = false;
        foreach (var change in _duringLoad)
        {
            Apply(change);
        }

        _duringLoad.Clear();
    }

    /// <summary>Applies a change; true when it concerns this assessment and is newer than what is shown.</summary>
    public bool Apply(JobStatusChanged change)
    {
        var job = change.Job;
        if (AssessmentLabels.AssessmentIdOf(job) != assessmentId)
        {
            return false;
        }

        if (_loading)
        {
            _duringLoad.Add(change);
            return false;
        }

        var index = _items.FindIndex(j => j.Id == job.Id);
        if (index >= 0)
        {
            if (_items[index].UpdatedAt > job.UpdatedAt)
            {
                return false;
            }

            _items[index] = job;
            return true;
        }

        var position = _items.FindIndex(j => j.CreatedAt > job.CreatedAt);
        _items.Insert(position < 0 ? _items.Count : position, job);
        return true;
    }

    /// <summary>The newest job of a type, e.g. the risk analysis a submission started.</summary>
    public JobDto? Latest(JobType type) => _items.LastOrDefault(j => j.Type == type);
}
