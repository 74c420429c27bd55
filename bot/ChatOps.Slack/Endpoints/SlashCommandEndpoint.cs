using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Endpoints;

/// <summary><c>POST /api/slack/commands</c>: answers at once with an ephemeral "Working on it…" and queues the command.</summary>
public static class SlashCommandEndpoint
{
    public const string WorkingText = "Working on it…";
    public const string BusyText = "ChatOps is busy right now; please try again in a minute.";

    public static Results<Ok<JsonObject>, Ok, BadRequest<string>> Handle(HttpContext context, SlackWorkQueue queue, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(SlashCommandEndpoint));
        var body = SlackRequestBody.From(context).Text;
        if (SlashCommandPayload.IsSslCheck(body))
        {
            return TypedResults.Ok();
        }

        SlackWorkItem item;
        try
        {
            item = SlackCommandFactory.FromSlashCommand(SlashCommandPayload.Parse(body));
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedPayload(logger, context.Request.Path, ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }

        if (!queue.TryEnqueue(item, context.Request.Path))
        {
            return TypedResults.Ok(Ephemeral(BusyText));
        }

        return TypedResults.Ok(Ephemeral(WorkingText));
    }

    private static JsonObject Ephemeral(string text) => new()
    {
        ["response_type"] = "ephemeral",
        ["text"] = text,
    };
}
