using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Core.Commands;

/// <summary>
/// A channel-neutral request: typed text (<c>help</c>, <c>declare "…"</c>) or a card action, with the
/// authenticated actor and the conversation it happened in. Channels build it; Core never sees wire types.
/// </summary>
/// <param name="Actor">Authenticated user.</param>
/// <param name="Conversation">Where it was typed or clicked.</param>
/// <param name="Text">Command text with the bot mention removed (empty for a card action).</param>
/// <param name="Action">The card action, when the command came from a button or form.</param>
/// <param name="Mentions">Users mentioned in the text, in order, already normalised by the channel
/// (each token in <paramref name="Text"/> that stands for a mention is <c>@</c> + the user id).</param>
public sealed record Command(
    Actor Actor,
    ConversationKey Conversation,
    string Text,
    CardAction? Action = null,
    IReadOnlyList<MentionedUser>? Mentions = null)
{
    public bool IsCardAction => Action is not null;

    /// <summary>
    /// Identifies the delivery when it can arrive again (a Slack request taken from the durable intake, a Teams activity
    /// sent again): each incident change the command makes carries it, so a re-run records nothing twice.
    /// </summary>
    public string? DeliveryId { get; init; }
}

/// <summary>A user named in a command with <c>@</c>: the id the channel uses and the name it showed.</summary>
public sealed record MentionedUser(string UserId, string DisplayName);
