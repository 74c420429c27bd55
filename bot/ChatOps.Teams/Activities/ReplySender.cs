using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>
/// Delivers the replies to an activity through the Connector, always at the activity's (validated) serviceUrl:
/// Post and Private reply to the activity (in a channel thread, to the thread); UpdateCard replaces the message
/// the activity answered (<c>replyToId</c>) when there is one. A posted card that may change later for everyone
/// (an approval) is remembered with its activity id, so <see cref="Notifications.TeamsPostedCardUpdater"/> can replace it.
/// </summary>
internal sealed class ReplySender(ConnectorClient connector, ILogger<ReplySender> logger, IPostedCardStore? postedCards = null)
{
    public async Task SendAsync(Activity incoming, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(replies);
        var serviceUrl = new Uri(incoming.ServiceUrl!);
        var conversationId = incoming.Conversation!.Id!;
        foreach (var reply in replies)
        {
            var outgoing = ReplyActivityFactory.Create(reply.View, incoming);
            if (reply.Mode == ReplyMode.Requester && !ActivityIdentity.IsPersonal(incoming))
            {
                await SendToRequesterAsync(incoming, serviceUrl, outgoing, cancellationToken);
            }
            else if (reply.Mode == ReplyMode.UpdateCard && !string.IsNullOrEmpty(incoming.ReplyToId))
            {
                outgoing.ReplyToId = null;
                await connector.UpdateActivityAsync(serviceUrl, conversationId, incoming.ReplyToId, outgoing, cancellationToken);
            }
            else if (!string.IsNullOrEmpty(incoming.Id))
            {
                var sent = await connector.ReplyToActivityAsync(serviceUrl, conversationId, incoming.Id, outgoing, cancellationToken);
                await RememberAsync(incoming, reply, sent, cancellationToken);
            }
            else
            {
                var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, outgoing, cancellationToken);
                await RememberAsync(incoming, reply, sent, cancellationToken);
            }
        }
    }

    // A channel thread is read by every member and later joiner: the reply goes to the actor's 1:1 chat with the bot,
    // and the thread only learns that it was sent there.
    private async Task SendToRequesterAsync(Activity incoming, Uri serviceUrl, Activity outgoing, CancellationToken cancellationToken)
    {
        var tenant = ActivityIdentity.TenantOf(incoming) ?? throw new InvalidOperationException("The activity names no tenant.");
        var personal = await connector.CreateConversationAsync(serviceUrl, tenant, incoming.From!.Id!, cancellationToken);
        outgoing.Conversation = new ConversationAccount { Id = personal.Id, ConversationType = "personal", TenantId = tenant };
        outgoing.ReplyToId = null;
        await connector.SendToConversationAsync(serviceUrl, personal.Id!, outgoing, cancellationToken);
        var notice = ReplyActivityFactory.Create(new TextView("I sent you the answer in our 1:1 chat."), incoming);
        if (!string.IsNullOrEmpty(incoming.Id))
            await connector.ReplyToActivityAsync(serviceUrl, incoming.Conversation!.Id!, incoming.Id, notice, cancellationToken);
        else
            await connector.SendToConversationAsync(serviceUrl, incoming.Conversation!.Id!, notice, cancellationToken);
    }

    private async Task RememberAsync(Activity incoming, Reply reply, ResourceResponse sent, CancellationToken cancellationToken)
    {
        if (postedCards is null || reply.Mode != ReplyMode.Post || string.IsNullOrEmpty(sent.Id)
            || PostedCardKeys.For(reply.View) is not { } key || ActivityIdentity.TenantOf(incoming) is not { } tenant)
            return;

        try
        {
            await postedCards.RecordAsync(key, new PostedCard(ChannelKind.Teams, tenant, incoming.Conversation!.Id!, sent.Id, incoming.ServiceUrl), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The card is out; without the record only a later click (not a typed change) can update it.
            Log.PostedCardNotRecorded(logger, ex);
        }
    }
}
