using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;

namespace ChatOps.Core.Inbound;

/// <summary>
/// A channel's <see cref="IReplyPort"/> for one request: its send function, and which of its exceptions mean the reply
/// could not be delivered (they become <see cref="ReplyNotDeliveredException"/>; anything else is a fault and propagates).
/// </summary>
public sealed class ChannelReplyPort(Func<Reply, CancellationToken, Task<PostedCard?>> send, Func<Exception, bool> undeliverable) : IReplyPort
{
    public async Task<PostedCard?> SendAsync(Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await send(reply, cancellationToken);
        }
        catch (Exception ex) when (undeliverable(ex))
        {
            throw new ReplyNotDeliveredException("The channel did not accept the reply.", ex);
        }
    }
}
