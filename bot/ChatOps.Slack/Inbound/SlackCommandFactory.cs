using System.Security.Cryptography;
using System.Text;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// The one place Slack payloads become Core commands. The actor is always the verified payload's
/// <c>user_id</c> + <c>team_id</c>; button values and modal metadata only ever become <c>CardAction.Data</c>.
/// </summary>
public static class SlackCommandFactory
{
    public const string EventScope = "slack-event";
    public const string ActionScope = "slack-action";
    public const string ViewScope = "slack-view";
    public const string CommandScope = "slack-command";

    private const string VerbKey = "verb";
    private const string ChannelKey = SlackModalOpener.ChannelKey;

    public static SlackWorkItem FromSlashCommand(SlashCommandPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var text = SlackMessageText.Normalise(payload.Text, []);
        var command = new Command(
            new Actor(ChannelKind.Slack, payload.TeamId, payload.UserId, payload.UserName),
            new ConversationKey(ChannelKind.Slack, payload.TeamId, payload.ChannelId),
            text.Text,
            Mentions: text.Mentions);
        var key = payload.TriggerId is null ? null : new SlackDeliveryKey(CommandScope, $"{payload.TeamId}:{payload.TriggerId}");
        var target = new SlackReplyTarget(payload.TeamId, payload.ChannelId, payload.UserId, payload.ResponseUrl);
        return new SlackWorkItem("slash_command", command, target, key, IsDirectChannel(payload.ChannelId));
    }

    public static IReadOnlyList<SlackWorkItem> FromBlockActions(BlockActionsPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var user = payload.User is { Id.Length: > 0 } u ? u : throw new SlackPayloadException("block_actions has no user.");
        var teamId = TeamOf(payload.Team, user);
        var metadata = CardActionData.FromMetadata(payload.View?.PrivateMetadata);
        var channelId = payload.Channel?.Id is { Length: > 0 } id ? id
            : payload.Container?.ChannelId ?? Get(metadata, ChannelKey)
            ?? throw new SlackPayloadException("block_actions has no channel.");
        var state = CardActionData.FromState(payload.State ?? payload.View?.State);
        var place = payload.Container?.MessageTs ?? payload.Container?.ViewId ?? payload.View?.Id ?? payload.TriggerId;
        var container = payload.Container;
        var target = new SlackReplyTarget(
            teamId,
            channelId,
            user.Id,
            payload.ResponseUrl,
            container?.ChannelId ?? channelId,
            container is { IsEphemeral: false, MessageTs: { } ts } ? ts : null,
            TriggerId: payload.TriggerId);

        var items = new List<SlackWorkItem>();
        foreach (var action in payload.Actions)
        {
            if (action.ActionId.Length == 0)
            {
                throw new SlackPayloadException("block_actions action has no action_id.");
            }

            // Button value wins over inputs: it is what our card declared; inputs are what the user typed.
            var data = CardActionData.Merge(new Dictionary<string, string>(state, StringComparer.Ordinal), CardActionData.FromValue(action.Value));
            var command = new Command(
                ActorOf(teamId, user),
                new ConversationKey(ChannelKind.Slack, teamId, channelId),
                string.Empty,
                new CardAction(VerbOf(action.ActionId), data));

            // One person pressing one button on one message is one decision, however many clicks arrive.
            var key = new SlackDeliveryKey(ActionScope, Hash(teamId, user.Id, channelId, place, action.BlockId, action.ActionId, action.Value));
            items.Add(new SlackWorkItem("block_actions", command, target, key, IsDirectChannel(channelId)));
        }

        return items;
    }

    public static SlackWorkItem FromViewSubmission(ViewSubmissionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var user = payload.User is { Id.Length: > 0 } u ? u : throw new SlackPayloadException("view_submission has no user.");
        var view = payload.View ?? throw new SlackPayloadException("view_submission has no view.");
        var teamId = TeamOf(payload.Team, user);
        var metadata = CardActionData.FromMetadata(view.PrivateMetadata);
        var verb = Get(metadata, VerbKey) ?? view.CallbackId
            ?? throw new SlackPayloadException("view_submission carries no verb (private_metadata.verb or callback_id).");
        var channelId = Get(metadata, ChannelKey)
            ?? throw new SlackPayloadException("view_submission private_metadata has no channel_id (open modals with SlackModalOpener).");
        var messageTs = Get(metadata, SlackModalOpener.MessageTsKey);
        var messageChannelId = Get(metadata, SlackModalOpener.MessageChannelKey);
        metadata.Remove(VerbKey);
        metadata.Remove(ChannelKey);
        metadata.Remove(SlackModalOpener.MessageTsKey);
        metadata.Remove(SlackModalOpener.MessageChannelKey);

        // The context we wrote into private_metadata wins over inputs of the same name.
        var data = CardActionData.Merge(CardActionData.FromState(view.State), metadata);
        var command = new Command(
            ActorOf(teamId, user),
            new ConversationKey(ChannelKind.Slack, teamId, channelId),
            string.Empty,
            new CardAction(verb, data));
        var key = new SlackDeliveryKey(ViewScope, $"{teamId}:{user.Id}:{view.Id}");
        var target = new SlackReplyTarget(teamId, channelId, user.Id, MessageChannelId: messageChannelId, MessageTs: messageTs);
        return new SlackWorkItem("view_submission", command, target, key, IsDirectChannel(channelId));
    }

    /// <summary>The command for an <c>app_mention</c> or a DM, or null (with the reason) for anything the bot must not answer.</summary>
    public static SlackWorkItem? FromEvent(EventEnvelope envelope, string? configuredBotUserId, string? retryNum, out string reason)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ev = envelope.Event;
        if (ev is null)
        {
            reason = "event_callback without event";
            return null;
        }

        var botUserIds = envelope.Authorizations.Where(a => a.IsBot && a.UserId is not null).Select(a => a.UserId!).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(configuredBotUserId))
        {
            botUserIds.Add(configuredBotUserId);
        }

        // Bot messages and subtypes (edits, joins, the bot's own posts) never get an answer: no loops.
        if (ev.BotId is not null || ev.Subtype is not null || ev.User is null || botUserIds.Contains(ev.User))
        {
            reason = $"{ev.Type} from a bot or with subtype '{ev.Subtype}'";
            return null;
        }

        var isMention = ev.Type == "app_mention";
        var isDirect = ev.Type == "message" && ev.ChannelType == "im";
        if (!isMention && !isDirect)
        {
            reason = $"event type '{ev.Type}' ({ev.ChannelType})";
            return null;
        }

        var teamId = ev.Team ?? envelope.TeamId ?? throw new SlackPayloadException("event has no team.");
        var channelId = ev.Channel ?? throw new SlackPayloadException("event has no channel.");
        var text = SlackMessageText.Normalise(ev.Text ?? string.Empty, botUserIds, dropLeadingMention: isMention && botUserIds.Count == 0);
        var command = new Command(
            new Actor(ChannelKind.Slack, teamId, ev.User, ev.User),
            new ConversationKey(ChannelKind.Slack, teamId, channelId),
            text.Text,
            Mentions: text.Mentions);
        var key = envelope.EventId is null ? null : new SlackDeliveryKey(EventScope, envelope.EventId, retryNum);
        reason = string.Empty;
        return new SlackWorkItem(ev.Type, command, new SlackReplyTarget(teamId, channelId, ev.User, ThreadTs: ev.ThreadTs), key, isDirect);
    }

    /// <summary>
    /// The verb of a button: its <c>action_id</c>, up to an optional <c>#suffix</c> that renderers may add because
    /// Slack wants action ids unique within a block (two "approve" buttons: <c>approve#1</c>, <c>approve#2</c>).
    /// </summary>
    public static string VerbOf(string actionId)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        var hash = actionId.IndexOf('#', StringComparison.Ordinal);
        return hash > 0 ? actionId[..hash] : actionId;
    }

    private static Actor ActorOf(string teamId, SlackUser user) =>
        new(ChannelKind.Slack, teamId, user.Id, user.Name ?? user.Username ?? user.Id);

    private static string TeamOf(SlackTeam? team, SlackUser user) =>
        team?.Id is { Length: > 0 } id ? id
            : user.TeamId ?? throw new SlackPayloadException("Interaction payload has no team.");

    private static string? Get(Dictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static bool IsDirectChannel(string channelId) => channelId.StartsWith('D');

    private static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? string.Empty)))));
}
