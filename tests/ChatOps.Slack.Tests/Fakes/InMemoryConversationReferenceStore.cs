using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Slack.Tests.Fakes;

/// <summary>In-memory conversation references.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<ConversationKey, ConversationReference> _conversations = new();
    private readonly ConcurrentDictionary<string, ConversationReference> _personal = new(StringComparer.Ordinal);

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _conversations[reference.Key] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_conversations.TryGetValue(key, out var reference) ? reference : null);

    public Task<ConversationReference?> GetPersonalAsync(ChannelKind channel, string tenantId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_personal.TryGetValue($"{channel}:{tenantId}:{userId}", out var reference) ? reference : null);

    public Task UpsertPersonalAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _personal[$"{reference.Channel}:{reference.TenantId}:{reference.UserId}"] = reference;
        return Task.CompletedTask;
    }
}
