using ChatOps.Core.Commands;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// Delivers the replies to an activity through the Connector, always at the activity's (validated) serviceUrl:
/// Post and Private reply to the activity (in a channel thread, to the thread); UpdateCard replaces the message
/// the activity answered (<c>replyToId</c>) when there is one.
/// </summary>
internal sealed class ReplySender(ConnectorClient connector)
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
            if (reply.Mode == ReplyMode.UpdateCard && !string.IsNullOrEmpty(incoming.ReplyToId))
            {
                outgoing.ReplyToId = null;
                await connector.UpdateActivityAsync(serviceUrl, conversationId, incoming.ReplyToId, outgoing, cancellationToken);
            }
            else if (!string.IsNullOrEmpty(incoming.Id))
            {
                await connector.ReplyToActivityAsync(serviceUrl, conversationId, incoming.Id, outgoing, cancellationToken);
            }
            else
            {
                await connector.SendToConversationAsync(serviceUrl, conversationId, outgoing, cancellationToken);
            }
        }
    }
}
