using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Inbound;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// A <c>message</c>: typed text (bot mention stripped, other mentions as <c>@id</c>) or an Action.Submit /
/// messageBack whose <c>value</c> names a <c>verb</c>, run through Core's <see cref="InboundPipeline"/>. Replies go
/// through the Connector; a redelivered activity (same conversation and id) that may change state is answered once.
/// </summary>
internal sealed class MessageActivityHandler(InboundPipeline pipeline, ReplySender replies)
{
    public const string IdempotencyScope = "teams-activity";

    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ActivityIdentity.Read(activity) is not (var actor, var conversation))
            return new TurnResult.Invalid("The message has no sender, conversation or tenant.");

        var command = activity.Value is JsonObject { } value && value["verb"] is JsonValue verb && verb.GetValueKind() == JsonValueKind.String
            ? new Command(actor, conversation, string.Empty, new CardAction(verb.GetValue<string>(), CardActionData.From(value)))
            : ToTextCommand(activity, actor, conversation);
        // A repeated activity (same conversation and id) is caught by its claim, or, for a command whose only effect is
        // its incident's batch, by the delivery id that batch carries.
        var redelivery = string.IsNullOrEmpty(activity.Id) ? null : new RedeliveryKey(IdempotencyScope, $"{activity.Conversation!.Id}|{activity.Id}");
        if (redelivery is not null)
            command = command with { DeliveryId = $"{redelivery.Scope}:{redelivery.Key}" };
        await pipeline.RunAsync(new InboundRequest(command, redelivery), replies.PortFor(activity), cancellationToken);
        return TurnResult.Done;
    }

    private static Command ToTextCommand(Activity activity, Core.Identity.Actor actor, Core.Conversations.ConversationKey conversation)
    {
        var (text, mentions) = MentionText.Normalize(activity);
        return new Command(actor, conversation, text, null, mentions);
    }
}
