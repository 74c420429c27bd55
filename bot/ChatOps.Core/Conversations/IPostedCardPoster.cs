using ChatOps.Core.Identity;
using ChatOps.Core.Views;

namespace ChatOps.Core.Conversations;

/// <summary>
/// A channel's way to post a card into a conversation outside any request and learn where it landed, so it can be
/// replaced later (<see cref="IPostedCardUpdater"/>): Teams posts through the stored conversation reference, Slack
/// with <c>chat.postMessage</c>. Throws on delivery failure.
/// </summary>
public interface IPostedCardPoster
{
    ChannelKind Channel { get; }

    Task<PostedCard> PostAsync(ConversationKey conversation, View view, CancellationToken cancellationToken = default);
}
