using MudBlazor.Services;
using Quartz;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints;
using RiskIntel.App.Hubs;
using RiskIntel.App.Telemetry;
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
        builder.AddRiskIntelTelemetry();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void AddApi(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddValidation();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
    }

    private static void AddUi(IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
    }
}
