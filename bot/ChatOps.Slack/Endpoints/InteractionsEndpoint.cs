using System.Text.Json.Nodes;
using ChatOps.Core.Workflow.Handlers;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Endpoints;

/// <summary>
/// <c>POST /api/slack/interactions</c>: <c>block_actions</c> and <c>view_submission</c> are queued and answered
/// with an empty 200 (which also closes a submitted modal); other interaction types are acknowledged and ignored.
/// A dialog form submission is checked first: wrong fields are answered with <c>response_action: errors</c> (the
/// modal stays open with the messages under the fields) and nothing is queued.
/// </summary>
public static class InteractionsEndpoint
{
    /// <summary>The form check must leave time to answer within Slack's 3 seconds; past this it is skipped (the queued submission checks again).</summary>
    public static readonly TimeSpan FormCheckBudget = TimeSpan.FromSeconds(2);

    public static async Task<Results<Ok, JsonHttpResult<JsonObject>, BadRequest<string>, StatusCodeHttpResult>> Handle(
        HttpContext context, SlackWorkQueue queue, ILoggerFactory loggers)
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

        // Core's form check, when the host has Core (a channel-only host queues the submission unchecked).
        if (items is [{ Kind: "view_submission" } submission] && context.RequestServices.GetService<DialogFormCheck>() is { } forms
            && await CheckFormAsync(forms, submission, context.RequestAborted) is { } errors)
        {
            return TypedResults.Json(errors);
        }

        foreach (var item in items)
        {
            if (!queue.TryEnqueue(item, context.Request.Path))
            {
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }

        return TypedResults.Ok();
    }

    /// <summary><c>{"response_action":"errors","errors":{block_id: message}}</c> for a form with wrong fields, else null.</summary>
    private static async Task<JsonObject?> CheckFormAsync(DialogFormCheck forms, SlackWorkItem submission, CancellationToken aborted)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        budget.CancelAfter(FormCheckBudget);
        IReadOnlyDictionary<string, string> errors;
        try
        {
            errors = await forms.CheckAsync(submission.Command, budget.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return null;
        }

        if (errors.Count == 0)
        {
            return null;
        }

        var fields = new JsonObject();
        foreach (var (field, message) in errors)
        {
            fields[field] = message;
        }

        return new JsonObject { ["response_action"] = "errors", ["errors"] = fields };
    }
}
