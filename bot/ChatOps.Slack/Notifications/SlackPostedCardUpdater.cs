using ChatOps.Cards.Slack;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Notifications;

/// <summary>Replaces a message the bot posted with <c>chat.update</c> on the channel and <c>ts</c> recorded when it was posted.</summary>
public sealed class SlackPostedCardUpdater(IServiceProvider services) : IPostedCardUpdater
{
    public ChannelKind Channel => ChannelKind.Slack;

    public async Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        await services.GetRequiredService<ChatApi>().UpdateAsync(card.ConversationId, card.MessageId, BlockKitRenderer.Render(view), cancellationToken);
    }
}
