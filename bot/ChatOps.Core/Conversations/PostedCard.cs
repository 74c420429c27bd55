using ChatOps.Core.Identity;

namespace ChatOps.Core.Conversations;

/// <summary>
/// Where a channel posted a card that may have to change later for everyone: the conversation and the message id
/// the platform gave it (Teams activity id, Slack <c>ts</c>). <see cref="ServiceUrl"/> is Teams-only.
/// </summary>
public sealed record PostedCard(ChannelKind Channel, string TenantId, string ConversationId, string MessageId, string? ServiceUrl = null);
