using System.Net.ServerSentEvents;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.App.Endpoints.Jobs;

/// <summary>How a job's owner follows it without polling: a Server-Sent Events stream, and webhook deliveries.</summary>
public static class JobNotificationsEndpoints
{
    public static IEndpointRouteBuilder MapJobNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        group.MapGet("/{id:guid}/stream", StreamAsync).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapGet("/{id:guid}/webhooks", ListWebhooksAsync);
        return app;
    }

    private static async Task<Results<ServerSentEventsResult<JobDto>, ProblemHttpResult>> StreamAsync(
        Guid id, ClaimsPrincipal user, JobService jobs, JobStatusFeed feed, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        if (await jobs.GetAsync(id, userId, cancellationToken) is null)
        {
            return ApiProblems.NotFound("The job");
        }

        return TypedResults.ServerSentEvents(JobChangeStream.ReadAsync(id, userId, jobs, feed, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryDto>>, ProblemHttpResult>> ListWebhooksAsync(
        Guid id, ClaimsPrincipal user, WebhookDeliveryQueries deliveries, CancellationToken cancellationToken) =>
        await deliveries.ListAsync(id, user.GetUserId(), cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : ApiProblems.NotFound("The job");
}
