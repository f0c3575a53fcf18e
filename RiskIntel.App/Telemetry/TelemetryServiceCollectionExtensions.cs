using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RiskIntel.App.Auth;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    public const string EndpointKey = "OpenTelemetry:Endpoint";

    /// <summary>
    /// OpenTelemetry: the job engine's and the AI client's metrics with ASP.NET Core's, readable by admins at
    /// <c>/metrics</c> (Prometheus text); with <c>OpenTelemetry:Endpoint</c> set, metrics and traces (requests, job
    /// runs as children of the request that submitted them, Quartz) are also pushed there over OTLP.
    /// </summary>
    public static IHostApplicationBuilder AddRiskIntelTelemetry(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointKey];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("RiskIntel"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(JobTelemetry.Name, AiTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                metrics.AddPrometheusExporter();
            });
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.WithTracing(tracing => tracing.AddSource(JobTelemetry.Name, "Microsoft.AspNetCore", "Quartz"));
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policies.Admin);
        return app;
    }
}
