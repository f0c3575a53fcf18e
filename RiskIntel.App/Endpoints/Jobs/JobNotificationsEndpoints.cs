using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
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

        return TypedResults.ServerSentEvents(ChangesAsync(id, userId, jobs, feed, cancellationToken));
    }

    /// <summary>The current state first, then one <c>job</c> event per change, ending after a terminal state.</summary>
    private static async IAsyncEnumerable<SseItem<JobDto>> ChangesAsync(
        Guid id, string userId, JobService jobs, JobStatusFeed feed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = Channel.CreateUnbounded<JobDto>();
        using var subscription = feed.SubscribeJob(id, change =>
        {
            changes.Writer.TryWrite(change.Job);
            return Task.CompletedTask;
        });

        // Subscribed before reading, so nothing committed in between is missed; older echoes are skipped.
        var last = await jobs.GetAsync(id, userId, cancellationToken);
        if (last is null)
        {
            yield break;
        }

        yield return new SseItem<JobDto>(last, "job");
        while (!last.IsTerminal)
        {
            var next = await changes.Reader.ReadAsync(cancellationToken);
            if (next.UpdatedAt < last.UpdatedAt || (next.UpdatedAt == last.UpdatedAt && next.Status == last.Status && next.Progress == last.Progress))
            {
                continue;
            }

            last = next;
            yield return new SseItem<JobDto>(next, "job");
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryDto>>, ProblemHttpResult>> ListWebhooksAsync(
        Guid id, ClaimsPrincipal user, WebhookDeliveryQueries deliveries, CancellationToken cancellationToken) =>
        await deliveries.ListAsync(id, user.GetUserId(), cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : ApiProblems.NotFound("The job");
}
