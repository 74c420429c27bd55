using ChatOps.Core.Identity;

namespace ChatOps.Core.Notifications;

/// <summary>Where one delivery goes: a person (1:1 chat) or a conversation (channel post).</summary>
public sealed record Recipient(ChannelKind Channel, string TenantId, RecipientKind Kind, string Id)
{
    /// <summary>Unique per notice; used as the delivery row's key so re-expansion creates no duplicates.</summary>
    public string Key => $"{(Kind == RecipientKind.User ? "u" : "c")}:{Id}";
}

public enum RecipientKind
{
    User,
    Conversation,
}
