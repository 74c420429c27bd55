using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Endpoints;

/// <summary>
/// <c>POST /api/slack/interactions</c>: <c>block_actions</c> and <c>view_submission</c> are queued and answered
/// with an empty 200 (which also closes a submitted modal); other interaction types are acknowledged and ignored.
/// A dialog form submission is checked first: wrong fields are answered with <c>response_action: errors</c> (the
/// modal stays open with the messages under the fields) and nothing is queued (<see cref="SlackInboundPipeline"/>).
/// </summary>
public static class InteractionsEndpoint
{
    public static readonly TimeSpan FormCheckBudget = SlackInboundPipeline.FormCheckBudget;

    public static async Task<Results<Ok, JsonHttpResult<JsonObject>, BadRequest<string>, StatusCodeHttpResult>> Handle(
        HttpContext context, SlackInboundPipeline pipeline, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(InteractionsEndpoint));
        SlackAck ack;
        try
        {
            using var payload = InteractionPayload.Parse(SlackRequestBody.From(context).Text);
            ack = await pipeline.AcceptInteractionAsync(payload, context.Request.Path, context.RequestAborted);
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedPayload(logger, context.Request.Path, ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }

        return ack switch
        {
            { Outcome: SlackAckOutcome.Busy } => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
            { Payload: { } body } => TypedResults.Json(body, SlackJsonContext.Default.JsonObject),
            _ => TypedResults.Ok(),
        };
    }
}
