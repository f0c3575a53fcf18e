using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Components;

/// <summary>
/// The one bUnit base of every component test: MudBlazor services and providers, the app's job views, a signed-in
/// user (an analyst unless <see cref="SignInAsAdmin"/>), the real Core job and prompt services on a temporary SQLite
/// file with a fake clock, and the real in-process status feed wired to them. The scheduler only records: nothing
/// runs unless a test publishes a change.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected const string UserId = "user-under-test";
    protected const string UserEmail = "analyst@test.local";
    protected const string OtherUserId = "someone-else";
    protected const string AdminId = "admin-1";

    private readonly JobEngineHarness _engine;
    private readonly BunitAuthorizationContext _auth;
    private bool _disposedAsync;

    // A wait ends as soon as its condition holds; the bound only has to survive a machine busy with parallel builds.
    static ComponentTestBase() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    /// <param name="addServices">
    /// Registers a derived fixture's services; called before the popover and dialog providers render, since a bUnit
    /// context takes no registrations after its first resolve.
    /// </param>
    protected ComponentTestBase(Action<ComponentTestBase>? addServices = null)
    {
        Feed = new JobStatusFeed(NullLogger<JobStatusFeed>.Instance);
        _engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview), notifiers: [Feed]);
        Prompts = new PromptService(_engine.Db, _engine.Clock, NullLogger<PromptService>.Instance);
        Queries = new PromptQueries(_engine.Db);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Feed);
        Services.AddSingleton(_engine.Jobs);
        Services.AddSingleton(new JobStatistics(_engine.Db, _engine.Scheduler, _engine.Options, _engine.Clock));
        Services.AddSingleton<TimeProvider>(_engine.Clock);
        Services.AddSingleton(Prompts);
        Services.AddSingleton(Queries);
        Services.AddSingleton(new PromptTransfer(_engine.Db, _engine.Clock));
        Services.AddSingleton(_engine.Db);
        Services.AddJobViews();

        _auth = AddAuthorization();
        SignIn(UserId, UserEmail);
        addServices?.Invoke(this);
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    protected JobStatusFeed Feed { get; }

    protected JobService Jobs => _engine.Jobs;

    /// <summary>The test database, for feature services and seeding.</summary>
    protected IDbContextFactory<RiskIntelDbContext> Db => _engine.Db;

    protected JobEngineHarness Engine => _engine;

    protected FakeTimeProvider Clock => _engine.Clock;

    protected PromptService Prompts { get; }

    protected PromptQueries Queries { get; }

    /// <summary>Where message boxes (activation conflict, delete, unsaved changes) render.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>Signs in as <see cref="AdminId"/> with the Admin role (the prompt studio, the jobs monitor).</summary>
    protected void SignInAsAdmin() => SignIn(AdminId, "admin@test.local", "Admin");

    protected void SignIn(string userId, string email, params string[] roles)
    {
        _auth.SetAuthorized(email);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Email, email));
    }

    /// <summary>Submits an AI_PREVIEW job (a second later than the last, so newest-first order is defined).</summary>
    protected async Task<JobDto> SubmitAsync(string userId = UserId, JobType type = JobType.AiPreview, JsonObject? input = null)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        input ??= new JsonObject { ["userPrompt"] = $"prompt {Guid.NewGuid():N}" };
        return (await Jobs.SubmitAsync(new JobSubmission(type, input, userId), default)).Job;
    }

    /// <summary>An account row, so admin views can name a job's owner by email.</summary>
    protected async Task AddAccountAsync(string userId, string email)
    {
        await using var db = _engine.Db.CreateDbContext();
        db.Users.Add(new AppUser { Id = userId, Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes a change as the runner would after committing it.</summary>
    protected Task PublishAsync(JobDto job, JobStatus status, int progress = 0, string? error = null) =>
        Feed.PublishAsync(
            new JobStatusChanged(job with { Status = status, Progress = progress, Error = error, UpdatedAt = job.UpdatedAt.AddSeconds(1) }, job.Status),
            default).AsTask();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable, so the container must be disposed asynchronously;
    // xunit 2 calls this before Dispose, which then has nothing left to do.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _disposedAsync = true;
        _engine.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposedAsync)
        {
            base.Dispose(disposing);
        }
    }
}
