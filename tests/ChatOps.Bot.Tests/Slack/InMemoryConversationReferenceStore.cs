using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>In-memory fake of the conversation reference port.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _references[$"c:{reference.Key}"] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_references.TryGetValue($"c:{key}", out var reference) ? reference : null);

    public Task<ConversationReference?> GetPersonalAsync(ChannelKind channel, string tenantId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_references.TryGetValue($"p:{channel}:{tenantId}:{userId}", out var reference) ? reference : null);

    public Task UpsertPersonalAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _references[$"p:{reference.Channel}:{reference.TenantId}:{reference.UserId}"] = reference;
        return Task.CompletedTask;
    }
}
