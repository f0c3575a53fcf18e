using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// A newest-first page of jobs kept current from the status feed: known rows are replaced, new jobs that fall
/// inside the loaded range and match the filter are inserted in order, rows leaving the filter go. It fetches its
/// own pages through the function it was made with (a user's jobs, or every user's for admins).
/// </summary>
public sealed class LiveJobList(Func<JobListQuery, CancellationToken, Task<JobPage>> fetch)
{
    private readonly List<JobDto> _items = [];
    private readonly List<JobStatusChanged> _duringLoad = [];
    private bool _loading;

    public IReadOnlyList<JobDto> Items => _items;

    public string? NextCursor { get; private set; }

    public JobListQuery Query { get; private set; } = new();

    public bool HasMore => NextCursor is not null;

    /// <summary>True until the first page has arrived, and while a page is being fetched.</summary>
    public bool IsBusy { get; private set; } = true;

    /// <summary>For fixed-size views (recent jobs): keep at most <see cref="JobListQuery.Limit"/> rows.</summary>
    public bool TrimToLimit { get; init; }

    /// <summary>Fetches the first page of <paramref name="query"/>; changes arriving meanwhile are not lost.</summary>
    public async Task LoadAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        IsBusy = true;
        BeginLoad();
        try
        {
            var first = query with { Cursor = null };
            Reset(first, await fetch(first, cancellationToken));
        }
        finally
        {
            IsBusy = false;
        }
    }

    /// <summary>Fetches the next page after the last loaded row.</summary>
    public async Task LoadMoreAsync(CancellationToken cancellationToken)
    {
        IsBusy = true;
        try
        {
            Append(await fetch(Query with { Cursor = NextCursor }, cancellationToken));
        }
        finally
        {
            IsBusy = false;
        }
    }

    /// <summary>Applies a change; true when the visible list changed.</summary>
    public bool Apply(JobStatusChanged change)
    {
        if (_loading)
        {
            _duringLoad.Add(change);
        }

        var job = change.Job;
        var index = _items.FindIndex(j => j.Id == job.Id);
        if (index >= 0)
        {
            if (_items[index].UpdatedAt > job.UpdatedAt)
            {
                return false;
            }

            if (Query.Matches(job))
            {
                _items[index] = job;
            }
            else
            {
                _items.RemoveAt(index);
            }

            return true;
        }

        // Beyond the last loaded row the job belongs to a page not loaded yet.
        if (!Query.Matches(job) || (HasMore && _items.Count > 0 && job.CreatedAt < _items[^1].CreatedAt))
        {
            return false;
        }

        var position = _items.FindIndex(j => j.CreatedAt < job.CreatedAt);
        _items.Insert(position < 0 ? _items.Count : position, job);
        if (TrimToLimit && _items.Count > Query.Limit)
        {
            _items.RemoveAt(_items.Count - 1);
        }

        return true;
    }

    /// <summary>Starts a reload: changes that arrive before <see cref="Reset"/> are kept and replayed on top of it.</summary>
    internal void BeginLoad() => _loading = true;

    internal void Reset(JobListQuery query, JobPage page)
    {
        Query = query;
        _items.Clear();
        Append(page);
        _loading = false;
        foreach (var change in _duringLoad)
        {
            Apply(change);
        }

        _duringLoad.Clear();
    }

    private void Append(JobPage page)
    {
        _items.AddRange(page.Items.Where(j => !_items.Exists(k => k.Id == j.Id)));
        NextCursor = page.NextCursor;
    }
}
