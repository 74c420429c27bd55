using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Inbound;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>The replies to one activity, sent by <see cref="ReplySender"/> through the Connector.</summary>
internal sealed class TeamsReplyPort(ReplySender sender, Activity incoming) : IReplyPort
{
    public async Task<PostedCard?> SendAsync(Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(incoming, reply, cancellationToken);
        }
        catch (Exception ex) when (DeliveryFailure.Is(ex))
        {
            throw new ReplyNotDeliveredException("The Connector did not accept the reply.", ex);
        }
    }
}
