using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Endpoints;

/// <summary>
/// <c>POST /api/slack/interactions</c>: <c>block_actions</c> and <c>view_submission</c> are queued and answered
/// with an empty 200 (which also closes a submitted modal); other interaction types are acknowledged and ignored.
/// </summary>
public static class InteractionsEndpoint
{
    public static Results<Ok, BadRequest<string>, StatusCodeHttpResult> Handle(HttpContext context, SlackWorkQueue queue, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(InteractionsEndpoint));
        IReadOnlyList<SlackWorkItem> items;
        try
        {
            using var payload = InteractionPayload.Parse(SlackRequestBody.From(context).Text);
            var type = InteractionPayload.TypeOf(payload);
            items = type switch
            {
                "block_actions" => SlackCommandFactory.FromBlockActions(InteractionPayload.Deserialize<BlockActionsPayload>(payload)),
                "view_submission" => [SlackCommandFactory.FromViewSubmission(InteractionPayload.Deserialize<ViewSubmissionPayload>(payload))],
                _ => [],
            };
            if (items.Count == 0)
            {
                Log.Ignored(logger, "interaction", type);
            }
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedPayload(logger, context.Request.Path, ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }

        foreach (var item in items)
        {
            if (!queue.TryEnqueue(item))
            {
                Log.QueueFull(logger, context.Request.Path);
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }

        return TypedResults.Ok();
    }
}
