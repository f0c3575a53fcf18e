using RiskIntel.App;
using RiskIntel.App.Components;
using RiskIntel.App.Endpoints;
using RiskIntel.App.Endpoints.Analysis;
using RiskIntel.App.Endpoints.Assessments;
using RiskIntel.App.Endpoints.Auth;
using RiskIntel.App.Endpoints.Documents;
using RiskIntel.App.Endpoints.Gaps;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.App.Endpoints.Prompts;
using RiskIntel.App.Endpoints.Reports;
using RiskIntel.App.Endpoints.Users;
using RiskIntel.App.Hubs;
using RiskIntel.App.Security;
using RiskIntel.App.Telemetry;
using RiskIntel.Core;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(AppContentRoot.Options(args));
builder.AddRiskIntelCore();
builder.AddRiskIntelWeb();

var app = builder.Build();

app.UseWebSecurity();
app.UseExceptionHandler();
app.UseRiskIntelStatusCodePages();
app.UseRouting();
app.UseRequestSizeLimit();
app.UseRateLimiter();
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
app.MapAssessmentsEndpoints();
app.MapDocumentsEndpoints();
app.MapGapsEndpoints();
app.MapAnalysisEndpoints();
app.MapReportsEndpoints();
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
