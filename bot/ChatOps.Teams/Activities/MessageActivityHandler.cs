using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
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

        var command = activity.Value is JsonObject { } value && value["verb"] is JsonValue verb && verb.GetValueKind() == JsonValueKind.String
            ? new Command(actor, conversation, string.Empty, new CardAction(verb.GetValue<string>(), CardActionData.From(value)))
            : ToTextCommand(activity, actor, conversation);

        try
        {
            if (!string.IsNullOrEmpty(activity.Id)
                && MayChangeState(command)
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

    /// <summary>
    /// False only for a well-formed read-only command that can never be a waiting dialog's answer (<c>help</c>, or a
    /// <c>!</c>-prefixed read such as <c>!status</c>; see <see cref="DialogAnswerRule"/>): a redelivery of it may simply
    /// be answered again, so it does not pay a storage write for the claim. Card actions, plain text that a waiting
    /// free-text question would take as its answer, and anything that fails to parse are claimed as before.
    /// </summary>
    internal static bool MayChangeState(Command command)
    {
        if (command.Action is not null)
            return true;

        var (text, forced) = DialogAnswerRule.Split(command.Text);
        if (!forced && !DialogAnswerRule.IsReserved(text))
            return true;

        return CommandParser.Parse(text) is not { Success: true, Command.Definition.ChangesIncident: false };
    }

    private static Command ToTextCommand(Activity activity, Core.Identity.Actor actor, Core.Conversations.ConversationKey conversation)
    {
        var (text, mentions) = MentionText.Normalize(activity);
        return new Command(actor, conversation, text, null, mentions);
    }
}
