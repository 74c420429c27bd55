using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Idempotency;
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

        var command = activity.Value is JsonObject { } value && value["verb"] is JsonValue verb && verb.GetValueKind() == JsonValueKind.String
            ? new Command(actor, conversation, string.Empty, new CardAction(verb.GetValue<string>(), CardActionData.From(value)))
            : ToTextCommand(activity, actor, conversation);

        if (!string.IsNullOrEmpty(activity.Id)
            && MayChangeState(command)
            && !await idempotency.TryClaimAsync(IdempotencyScope, $"{activity.Conversation!.Id}|{activity.Id}", cancellationToken))
        {
            Log.DuplicateActivity(logger, activity.Type);
            return TypedResults.Ok();
        }

        var result = await dispatcher.DispatchAsync(command, cancellationToken);
        try
        {
            await replies.SendAsync(activity, result.Replies, cancellationToken);
        }
        catch (Exception ex) when (DeliveryFailure.Is(ex))
        {
            // The activity is claimed, so a redelivery would not help; the failure is logged instead.
            Log.ReplyFailed(logger, ex, activity.Type);
        }

        return TypedResults.Ok();
    }

    /// <summary>
    /// False only for a well-formed read-only command (help, status, log…): a redelivery of it may simply be answered
    /// again, so it does not pay a storage write for the claim. Card actions, dialog answers and anything that fails
    /// to parse are claimed as before.
    /// </summary>
    internal static bool MayChangeState(Command command) =>
        command.Action is not null || CommandParser.Parse(command.Text) is not { Success: true, Command.Definition.ChangesIncident: false };

    private static Command ToTextCommand(Activity activity, Core.Identity.Actor actor, Core.Conversations.ConversationKey conversation)
    {
        var (text, mentions) = MentionText.Normalize(activity);
        return new Command(actor, conversation, text, null, mentions);
    }
}
