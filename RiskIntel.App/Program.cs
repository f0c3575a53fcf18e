using RiskIntel.App;
using RiskIntel.App.Components;
using RiskIntel.App.Endpoints;
using RiskIntel.App.Endpoints.Auth;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.App.Endpoints.Prompts;
using RiskIntel.App.Endpoints.Users;
using RiskIntel.App.Hubs;
using RiskIntel.App.Telemetry;
using RiskIntel.Core;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(AppContentRoot.Options(args));
builder.AddRiskIntelCore();
builder.AddRiskIntelWeb();

var app = builder.Build();

app.UseExceptionHandler();
app.UseRiskIntelStatusCodePages();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapAuthEndpoints();
app.MapAccountEndpoints();
app.MapUsersEndpoints();
app.MapJobsEndpoints();
app.MapJobNotificationsEndpoints();
app.MapAdminJobsEndpoints();
app.MapPromptPreviewEndpoints();
app.MapPromptsEndpoints();
app.MapPromptVersioningEndpoints();
app.MapPromptImportExportEndpoints();
app.MapHub<JobStatusHub>("/hubs/jobs");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
