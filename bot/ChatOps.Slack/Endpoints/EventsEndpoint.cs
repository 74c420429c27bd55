using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Endpoints;

/// <summary>
/// <c>POST /api/slack/events</c>: answers <c>url_verification</c> with <c>{"challenge": …}</c> and queues
/// <c>app_mention</c> / <c>message.im</c> callbacks. A full queue answers 503 so Slack retries the delivery later.
/// </summary>
public static class EventsEndpoint
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static async Task<Results<Ok<JsonObject>, Ok, BadRequest<string>, StatusCodeHttpResult>> Handle(
        HttpContext context,
        SlackInboundPipeline pipeline,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(EventsEndpoint));
        SlackAck ack;
        try
        {
            var envelope = EventEnvelope.Parse(SlackRequestBody.From(context).Text);
            switch (envelope.Type)
            {
                case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                    return TypedResults.Ok(new JsonObject { ["challenge"] = envelope.Challenge });
                case "url_verification":
                    throw new SlackPayloadException("url_verification without challenge.");
                default:
                    string? retryNum = context.Request.Headers[RetryNumHeader];
                    ack = await pipeline.AcceptEventAsync(envelope, retryNum, context.Request.Path, context.RequestAborted);
                    break;
            }
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedPayload(logger, context.Request.Path, ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }

        return ack.Outcome == SlackAckOutcome.Busy
            ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok();
    }
}
