using ChatOps.Cards.Slack;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Notifications;

/// <summary>
/// Cards the bot posts and replaces later: posted into an incident's channel with <c>chat.postMessage</c> (its channel
/// and <c>ts</c> returned) and replaced with <c>chat.update</c> on the channel and <c>ts</c> recorded when it was posted.
/// </summary>
public sealed class SlackPostedCards(IServiceProvider services) : IPostedCardPoster, IPostedCardUpdater
{
    public ChannelKind Channel => ChannelKind.Slack;

    public async Task<PostedCard> PostAsync(ConversationKey conversation, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var posted = await Chat.PostMessageAsync(conversation.ConversationId, BlockKitRenderer.Render(view), cancellationToken: cancellationToken);
        return new PostedCard(ChannelKind.Slack, conversation.TenantId, posted.Channel, posted.Ts);
    }

    public async Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        await Chat.UpdateAsync(card.ConversationId, card.MessageId, BlockKitRenderer.Render(view), cancellationToken);
    }

    // The Web API client is transient (a typed HttpClient): resolved per call so handler rotation keeps working.
    private ChatApi Chat => services.GetRequiredService<ChatApi>();
}
