using Bunit;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Core.Jobs.Notifications;

namespace RiskIntel.Tests.App.Components.Jobs;

/// <summary>A live list re-renders its table on every change; only the rows whose job changed may render again.</summary>
public sealed class JobTableTests : ComponentTestBase
{
    [Fact]
    public void NewJobOnTopAndOneChangedJob_RenderOnlyTheirOwnRows()
    {
        var jobs = Enumerable.Range(0, 30).Select(_ => JobStatusFeedTests.Job(JobStatus.Pending)).ToList();
        var cut = Render<JobTable>(p => p.Add(c => c.Jobs, jobs));
        var before = cut.FindComponents<JobTableRow>().ToDictionary(r => (object)r.Instance, r => r.RenderCount, ReferenceEqualityComparer.Instance);

        var added = JobStatusFeedTests.Job(JobStatus.Pending);
        var changed = jobs[10] with { Status = JobStatus.Processing };

        // As LiveJobList does: the same list, changed in place, and the table rendered again.
        jobs[10] = changed;
        jobs.Insert(0, added);
        cut.Render(p => p.Add(c => c.Jobs, jobs));

        var rows = cut.FindComponents<JobTableRow>();
        Assert.Equal(jobs.Select(j => j.Id), rows.Select(r => r.Instance.Job.Id));
        // A row is a new component or an old one that rendered again.
        var rendered = rows.Where(r => !before.TryGetValue(r.Instance, out var count) || r.RenderCount > count).Select(r => r.Instance.Job.Id).ToList();
        Assert.Equal([added.Id, changed.Id], rendered);
        Assert.Equal("PROCESSING", cut.Find($"[data-testid=job-status-{changed.Id}]").TextContent.Trim());
    }

    [Fact]
    public void RowClick_HandsOverTheRowsJob_AndAnEmptyListSaysSo()
    {
        var jobs = Enumerable.Range(0, 3).Select(_ => JobStatusFeedTests.Job(JobStatus.Pending)).ToList();
        JobDto? clicked = null;
        var cut = Render<JobTable>(p => p.Add(c => c.Jobs, jobs).Add(c => c.RowClicked, (JobDto j) => clicked = j).Add(c => c.OwnerEmail, _ => "a@example.org"));

        cut.FindAll("tbody tr")[1].Click();

        Assert.Equal(jobs[1].Id, clicked?.Id);
        Assert.Equal("a@example.org", cut.Find($"[data-testid=job-owner-{jobs[0].Id}]").TextContent);
        Assert.Contains("Nothing here", Render<JobTable>(p => p.Add(c => c.Jobs, new List<JobDto>()).Add(c => c.EmptyText, "Nothing here")).Markup, StringComparison.Ordinal);
    }
}
