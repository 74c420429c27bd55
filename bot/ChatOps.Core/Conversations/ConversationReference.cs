using ChatOps.Core.Identity;

namespace ChatOps.Core.Conversations;

/// <summary>
/// What a channel needs to post into a conversation later (proactively): stored when the bot is installed or
/// first spoken to. <see cref="ServiceUrl"/> and <see cref="BotId"/> are Teams-only.
/// </summary>
public sealed record ConversationReference(
    ChannelKind Channel,
    string TenantId,
    string ConversationId,
    string? UserId = null,
    string? ServiceUrl = null,
    string? BotId = null,
    string? BotName = null,
    DateTimeOffset? UpdatedAt = null)
{
    public ConversationKey Key => new(Channel, TenantId, ConversationId);
}
