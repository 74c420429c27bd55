using ChatOps.Core.Identity;
using ChatOps.Core.Views;

namespace ChatOps.Core.Conversations;

/// <summary>
/// A channel's way to replace a card it posted earlier, for everyone, outside any request (Teams: connector
/// <c>PUT …/activities/{id}</c>; Slack: <c>chat.update</c>). Throws on delivery failure; callers log and go on.
/// </summary>
public interface IPostedCardUpdater
{
    ChannelKind Channel { get; }

    Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default);
}
