using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Components.Prompts;

/// <summary>
/// bUnit base for the prompt studio: MudBlazor services, a signed-in admin, the real Core prompt and job
/// services on a SQLite file, and a real <see cref="JobStatusFeed"/> tests publish to.
/// </summary>
public abstract class PromptComponentTestContext : BunitContext, IAsyncLifetime
{
    public const string AdminId = "admin-1";

    private readonly JobEngineHarness _engine = new(new ScriptedJobHandler(JobType.AiPreview));
    private bool _disposedAsync;

    protected PromptComponentTestContext()
    {
        Prompts = new PromptService(_engine.Db, _engine.Clock, NullLogger<PromptService>.Instance);
        Queries = new PromptQueries(_engine.Db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Feed);
        Services.AddSingleton(_engine.Jobs);
        Services.AddSingleton(Prompts);
        Services.AddSingleton(Queries);
        Services.AddSingleton(new PromptTransfer(_engine.Db, _engine.Clock));
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@test.local");
        auth.SetRoles("Admin");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminId));
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    /// <summary>Where message boxes (activation conflict, delete, unsaved changes) render.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    protected JobStatusFeed Feed { get; } = new(NullLogger<JobStatusFeed>.Instance);

    protected JobEngineHarness Engine => _engine;

    protected PromptService Prompts { get; }

    protected PromptQueries Queries { get; }

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
