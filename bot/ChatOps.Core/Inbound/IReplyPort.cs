using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;

namespace ChatOps.Core.Inbound;

/// <summary>
/// Where the replies of one inbound request go; each channel implements it over its wire (Teams Connector, Slack Web
/// API). The channel only renders and sends: what is claimed, dispatched and remembered is <see cref="InboundPipeline"/>'s.
/// </summary>
public interface IReplyPort
{
    /// <summary>
    /// Sends one reply. Returns where a <see cref="ReplyMode.Post"/> reply landed, so a card that may change later can be
    /// found again; null when it was not posted as a new message. Throws <see cref="ReplyNotDeliveredException"/> when
    /// the channel refused or could not be reached.
    /// </summary>
    Task<PostedCard?> SendAsync(Reply reply, CancellationToken cancellationToken);
}
