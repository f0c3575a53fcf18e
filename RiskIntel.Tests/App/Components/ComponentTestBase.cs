using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Components;

/// <summary>
/// bUnit with MudBlazor services, a signed-in test user, the real in-process status feed and the Core job
/// services on a temporary SQLite database (a recording scheduler: nothing runs unless a test publishes it).
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected const string UserId = "user-under-test";
    protected const string OtherUserId = "someone-else";

    private readonly SqliteTestDatabase _database = new();

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);

        var db = Db = _database.CreateFactory();
        var options = Options.Create(new JobsOptions());
        Feed = new JobStatusFeed(NullLogger<JobStatusFeed>.Instance);
        var publisher = new JobStatusPublisher([Feed], NullLogger<JobStatusPublisher>.Instance);
        var scheduler = new RecordingJobScheduler();
        var committer = new JobCommitter([], scheduler, publisher, options, TimeProvider.System, NullLogger<JobCommitter>.Instance);
        Jobs = new JobService(db, scheduler, publisher, committer,
            new CallbackUrlPolicy(new StaticOptionsMonitor<WebhookOptions>(new WebhookOptions())), new RunningJobs(), options, TimeProvider.System);
        Services.AddSingleton(Feed);
        Services.AddSingleton(Jobs);
        Services.AddSingleton(new JobStatistics(db, scheduler, options, TimeProvider.System));
        Services.AddSingleton(TimeProvider.System);

        var auth = AddAuthorization();
        auth.SetAuthorized("analyst@test.local");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Email, "analyst@test.local"));
    }

    protected JobStatusFeed Feed { get; }

    /// <summary>The test database, for feature services and seeding.</summary>
    protected IDbContextFactory<RiskIntelDbContext> Db { get; }

    protected JobService Jobs { get; }

    protected async Task<JobDto> SubmitAsync(string userId = UserId, JobType type = JobType.AiPreview)
    {
        var input = new JsonObject { ["userPrompt"] = $"prompt {Guid.NewGuid():N}" };
        return (await Jobs.SubmitAsync(new JobSubmission(type, input, userId), default)).Job;
    }

    /// <summary>Publishes a change as the runner would after committing it.</summary>
    protected Task PublishAsync(JobDto job, JobStatus status, int progress = 0) =>
        Feed.PublishAsync(new JobStatusChanged(job with { Status = status, Progress = progress, UpdatedAt = job.UpdatedAt.AddSeconds(1) }, job.Status), default).AsTask();

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable, so the container must be disposed asynchronously;
    // xunit 2 calls this before Dispose, which then finds everything already disposed.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _database.Dispose();
    }
}
