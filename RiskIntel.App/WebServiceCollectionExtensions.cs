using MudBlazor.Services;
using Quartz;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.App.Endpoints;
using RiskIntel.App.Hubs;
using RiskIntel.App.Security;
using RiskIntel.App.Telemetry;
using RiskIntel.Core;

namespace RiskIntel.App;

public static class WebServiceCollectionExtensions
{
    /// <summary>Web security, authentication, the REST API's conventions, the Blazor UI, the hub and the scheduler's hosting.</summary>
    public static IHostApplicationBuilder AddRiskIntelWeb(this IHostApplicationBuilder builder)
    {
        builder.AddWebSecurity();
        builder.AddAuth();
        AddApi(builder.Services);
        AddUi(builder.Services);
        builder.AddJobStatusHub();
        builder.AddRiskIntelTelemetry();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void AddApi(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddExceptionHandler<BadRequestProblems>();

        // Binding failures throw, so that BadRequestProblems can answer them with the field named; a handled
        // exception is the caller's mistake and .NET 10 logs no error for it.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
    }

    private static void AddUi(IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddJobViews();
    }
}
