using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.App.Endpoints.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Durability;

[Trait("Category", "Slow")]
public sealed class HostRestartTests
{
    [Fact]
    public async Task Restart_JobsInFlightWhenTheHostStops_AreCompletedByTheNextHostExactlyOnce()
    {
        using var database = new SqliteTestDatabase();
        var blocking = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
        var ids = new List<Guid>();
        using (var first = new RiskIntelAppFactory(database).With("Ai:MaxConcurrentJobs", "1"))
        {
            first.WithServices(s => s.AddSingleton<IJobHandler>(blocking));
            using var admin = await first.AdminAsync();
            ids.Add(await JobsEndpointsTests.SubmitPreviewAsync(admin, "running when the host stops"));
            await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            ids.Add(await JobsEndpointsTests.SubmitPreviewAsync(admin, "pending one"));
            ids.Add(await JobsEndpointsTests.SubmitPreviewAsync(admin, "pending two"));
        }

        var counting = new ScriptedJobHandler(JobType.AiPreview);
        using var second = new RiskIntelAppFactory(database);
        second.WithServices(s => s.AddSingleton<IJobHandler>(counting));
        _ = second.Server;
        var finished = new List<JobDto>();
        foreach (var id in ids)
        {
            finished.Add(await second.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled));
        }

        Assert.All(finished, job => Assert.Equal(JobStatus.Completed, job.Status));
        Assert.All(ids, id => Assert.Equal(1, counting.Executions[id]));
        Assert.Equal(1, finished[0].Attempts);
        using var client = await second.AdminAsync();
        foreach (var id in ids)
        {
            var events = await client.GetJobEventsAsync(id);
            Assert.Single(events, e => e == "COMPLETED");
        }
    }
}
