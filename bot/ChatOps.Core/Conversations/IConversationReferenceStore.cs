using ChatOps.Core.Identity;

namespace ChatOps.Core.Conversations;

/// <summary>Stores conversation references for proactive messages (per conversation and per user 1:1 chat).</summary>
public interface IConversationReferenceStore
{
    /// <summary>Creates or replaces the reference for <paramref name="reference"/>'s conversation.</summary>
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default);

    /// <summary>The stored reference of a conversation, or null.</summary>
    Task<ConversationReference?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default);

    /// <summary>The stored 1:1 conversation with a user, or null.</summary>
    Task<ConversationReference?> GetPersonalAsync(ChannelKind channel, string tenantId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Records the 1:1 conversation with a user.</summary>
    Task UpsertPersonalAsync(ConversationReference reference, CancellationToken cancellationToken = default);
}
