using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Inbound;
using ChatOps.Core.Views;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// Delivers the replies to an activity through the Connector, always at the activity's (validated) serviceUrl:
/// Post and Private reply to the activity (in a channel thread, to the thread); UpdateCard replaces the message
/// the activity answered (<c>replyToId</c>) when there is one. Where a reply was posted as a new message is returned, so
/// the inbound pipeline can remember a card that may change later for everyone (an approval) for
/// <see cref="Notifications.TeamsPostedCards"/>.
/// </summary>
internal sealed class ReplySender(ConnectorClient connector)
{
    /// <summary>The replies to <paramref name="incoming"/> as Core's inbound pipeline sends them.</summary>
    public IReplyPort PortFor(Activity incoming) => new ChannelReplyPort((reply, cancellationToken) => SendAsync(incoming, reply, cancellationToken), DeliveryFailure.Is);

    /// <summary>Sends one reply; returns where a <see cref="ReplyMode.Post"/> reply was posted as a new message, else null.</summary>
    public async Task<PostedCard?> SendAsync(Activity incoming, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(reply);
        var serviceUrl = new Uri(incoming.ServiceUrl!);
        var conversationId = incoming.Conversation!.Id!;
        var outgoing = ReplyActivityFactory.Create(reply.View, incoming);
        if (reply.Mode == ReplyMode.Requester && !ActivityIdentity.IsPersonal(incoming))
        {
            await SendToRequesterAsync(incoming, serviceUrl, outgoing, cancellationToken);
            return null;
        }

        if (reply.Mode == ReplyMode.UpdateCard && !string.IsNullOrEmpty(incoming.ReplyToId))
        {
            outgoing.ReplyToId = null;
            await connector.UpdateActivityAsync(serviceUrl, conversationId, incoming.ReplyToId, outgoing, cancellationToken);
            return null;
        }

        var sent = string.IsNullOrEmpty(incoming.Id)
            ? await connector.SendToConversationAsync(serviceUrl, conversationId, outgoing, cancellationToken)
            : await connector.ReplyToActivityAsync(serviceUrl, conversationId, incoming.Id, outgoing, cancellationToken);
        return reply.Mode == ReplyMode.Post && !string.IsNullOrEmpty(sent.Id) && ActivityIdentity.TenantOf(incoming) is { } tenant
            ? new PostedCard(ChannelKind.Teams, tenant, conversationId, sent.Id, incoming.ServiceUrl)
            : null;
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
}
