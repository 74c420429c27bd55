using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Storage;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>
/// A <c>message</c>: typed text (bot mention stripped, other mentions as <c>@id</c>) or an Action.Submit /
/// messageBack whose <c>value</c> names a <c>verb</c>. Replies go through the Connector; a redelivered activity
/// (same conversation and id) is answered once.
/// </summary>
internal sealed class MessageActivityHandler(
    ICommandDispatcher dispatcher,
    IIdempotencyStore idempotency,
    ReplySender replies,
    ILogger<MessageActivityHandler> logger)
{
    public const string IdempotencyScope = "teams-activity";

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ActivityIdentity.Read(activity) is not (var actor, var conversation))
            return TypedResults.BadRequest("The message has no sender, conversation or tenant.");

        try
        {
            if (!string.IsNullOrEmpty(activity.Id)
                && !await idempotency.TryClaimAsync(IdempotencyScope, $"{activity.Conversation!.Id}|{activity.Id}", cancellationToken))
            {
                Log.DuplicateActivity(logger, activity.Type);
                return TypedResults.Ok();
            }
        }
        catch (StorageUnavailableException)
        {
            // Storage failed before the command ran: nothing was recorded, and the person is told so (not a 500).
            await ReplyAsync(activity, CommandDispatcher.StorageUnavailable(), cancellationToken);
            return TypedResults.Ok();
        }

        var command = activity.Value is JsonObject { } value && value["verb"] is JsonValue verb && verb.GetValueKind() == JsonValueKind.String
            ? new Command(actor, conversation, string.Empty, new CardAction(verb.GetValue<string>(), CardActionData.From(value)))
            : ToTextCommand(activity, actor, conversation);

        await ReplyAsync(activity, await dispatcher.DispatchAsync(command, cancellationToken), cancellationToken);
        return TypedResults.Ok();
    }

    private async Task ReplyAsync(Activity activity, CommandResult result, CancellationToken cancellationToken)
    {
        try
        {
            await replies.SendAsync(activity, result.Replies, cancellationToken);
        }
        catch (Exception ex) when (DeliveryFailure.Is(ex))
        {
            // The activity is claimed, so a redelivery would not help; the failure is logged instead.
            Log.ReplyFailed(logger, ex, activity.Type);
        }
    }

    private static Command ToTextCommand(Activity activity, Core.Identity.Actor actor, Core.Conversations.ConversationKey conversation)
    {
        var (text, mentions) = MentionText.Normalize(activity);
        return new Command(actor, conversation, text, null, mentions);
    }
}
