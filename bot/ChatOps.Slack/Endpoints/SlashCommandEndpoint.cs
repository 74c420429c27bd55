using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Endpoints;

/// <summary><c>POST /api/slack/commands</c>: answers at once with an ephemeral "Working on it…" and queues the command.</summary>
public static class SlashCommandEndpoint
{
    public const string WorkingText = SlackInboundPipeline.WorkingText;
    public const string BusyText = SlackInboundPipeline.BusyText;

    public static async Task<Results<Ok<JsonObject>, Ok, BadRequest<string>>> Handle(HttpContext context, SlackInboundPipeline pipeline, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(SlashCommandEndpoint));
        var body = SlackRequestBody.From(context).Text;
        if (SlashCommandPayload.IsSslCheck(body))
        {
            return TypedResults.Ok();
        }

        try
        {
            var ack = await pipeline.AcceptSlashCommandAsync(SlashCommandPayload.Parse(body), context.Request.Path, context.RequestAborted);
            return TypedResults.Ok(ack.Payload ?? []);
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedPayload(logger, context.Request.Path, ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }
    }
}
