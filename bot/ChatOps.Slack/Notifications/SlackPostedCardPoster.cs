using ChatOps.Cards.Slack;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Notifications;

/// <summary>Posts a card into an incident's channel (<c>chat.postMessage</c>) and returns its channel and <c>ts</c> for <see cref="SlackPostedCardUpdater"/>.</summary>
public sealed class SlackPostedCardPoster(IServiceProvider services) : IPostedCardPoster
{
    public ChannelKind Channel => ChannelKind.Slack;

    public async Task<PostedCard> PostAsync(ConversationKey conversation, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var posted = await services.GetRequiredService<ChatApi>().PostMessageAsync(conversation.ConversationId, BlockKitRenderer.Render(view), cancellationToken: cancellationToken);
        return new PostedCard(ChannelKind.Slack, conversation.TenantId, posted.Channel, posted.Ts);
    }
}
