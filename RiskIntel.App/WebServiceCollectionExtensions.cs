using MudBlazor.Services;
using Quartz;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.App.Endpoints;
using RiskIntel.App.Hubs;
using RiskIntel.Core;

namespace RiskIntel.App;

public static class WebServiceCollectionExtensions
{
    /// <summary>Authentication, the REST API's conventions, the Blazor UI, the hub and the scheduler's hosting.</summary>
    public static IHostApplicationBuilder AddRiskIntelWeb(this IHostApplicationBuilder builder)
    {
        builder.AddAuth();
        AddApi(builder.Services);
        AddUi(builder.Services);
        builder.AddJobStatusHub();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void AddApi(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddValidation();

        // A body that is not JSON (or a form without its antiforgery token) is the caller's mistake: answer 400 and
        // log it at Debug, as outside Development, instead of a 500 with a stack trace at Error.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
    }

    private static void AddUi(IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddJobViews();
    }
}
