using Bunit;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.App.Components.Jobs;

public sealed class JobTimelineTests : ComponentTestBase
{
    [Fact]
    public void Render_EventsOfTwoNodes_EachSaysWhichNodeMadeIt()
    {
        var at = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var timeline = Render<JobTimeline>(p => p.Add(t => t.Events, new List<JobEventDto>
        {
            new(null, JobStatus.Pending, at, "Submitted", "node-a"),
            new(JobStatus.Pending, JobStatus.Processing, at.AddSeconds(1), "Attempt 1 of 3 started", "node-b"),
            new(JobStatus.Processing, JobStatus.Completed, at.AddSeconds(2), "Completed", null),
        }));

        var nodes = timeline.FindAll(".ri-event-node").Select(n => n.TextContent.Trim()).ToList();
        Assert.Equal(["· on node-a", "· on node-b"], nodes);
    }
}
