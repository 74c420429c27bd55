using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Inbound;

namespace ChatOps.Slack.Work;

/// <summary>The replies of one Slack request, sent by <see cref="SlackReplySender"/> to its <see cref="SlackReplyTarget"/>.</summary>
public sealed class SlackReplyPort(SlackReplySender sender, SlackReplyTarget target) : IReplyPort
{
    public async Task<PostedCard?> SendAsync(Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(reply, target, cancellationToken);
        }
        catch (Exception ex) when (ex is Api.SlackApiException or HttpRequestException)
        {
            // e.g. not_in_channel: this reply is lost, the others still go out.
            throw new ReplyNotDeliveredException("Slack did not accept the reply.", ex);
        }
    }
}
