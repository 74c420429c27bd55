using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Endpoints;

/// <summary>
/// <c>POST /api/slack/events</c>: answers <c>url_verification</c> with <c>{"challenge": …}</c> and queues
/// <c>app_mention</c> / <c>message.im</c> callbacks. A full queue answers 503 so Slack retries the delivery later.
/// </summary>
public static class EventsEndpoint
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static Results<Ok<JsonObject>, Ok, BadRequest<string>, StatusCodeHttpResult> Handle(
        HttpContext context,
        SlackWorkQueue queue,
        IOptionsMonitor<SlackOptions> options,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(EventsEndpoint));
        SlackWorkItem? item;
        try
        {
            var envelope = EventEnvelope.Parse(SlackRequestBody.From(context).Text);
            switch (envelope.Type)
            {
                case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                    return TypedResults.Ok(new JsonObject { ["challenge"] = envelope.Challenge });
                case "url_verification":
                    throw new SlackPayloadException("url_verification without challenge.");
                case "event_callback":
                    string? retryNum = context.Request.Headers[RetryNumHeader];
                    item = SlackCommandFactory.FromEvent(envelope, options.CurrentValue.BotUserId, retryNum, out var reason);
                    if (item is null)
                    {
                        Log.Ignored(logger, "event", reason);
                        return TypedResults.Ok();
                    }

                    break;
                default:
                    Log.Ignored(logger, "envelope", envelope.Type);
                    return TypedResults.Ok();
            }
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedPayload(logger, context.Request.Path, ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }

        if (!queue.TryEnqueue(item, context.Request.Path))
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }
}
