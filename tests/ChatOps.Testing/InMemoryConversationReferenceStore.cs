using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Testing;

/// <summary>In-memory conversation references (per conversation and per user 1:1 chat), stamped as the Table store stamps them.</summary>
public sealed class InMemoryConversationReferenceStore(TimeProvider? time = null) : IConversationReferenceStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<ConversationKey, ConversationReference> _conversations = new();
    private readonly ConcurrentDictionary<(ChannelKind, string, string), ConversationReference> _personal = new();

    public IReadOnlyCollection<ConversationReference> Conversations => [.. _conversations.Values];

    public IReadOnlyCollection<ConversationReference> PersonalChats => [.. _personal.Values];

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _conversations[reference.Key] = Stamped(reference);
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_conversations.GetValueOrDefault(key));

    public Task<ConversationReference?> GetPersonalAsync(ChannelKind channel, string tenantId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_personal.GetValueOrDefault((channel, tenantId, userId)));

    public Task UpsertPersonalAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var userId = reference.UserId ?? throw new ArgumentException("A personal conversation reference needs the user id.", nameof(reference));
        _personal[(reference.Channel, reference.TenantId, userId)] = Stamped(reference);
        return Task.CompletedTask;
    }

    private ConversationReference Stamped(ConversationReference reference) =>
        reference.UpdatedAt is null ? reference with { UpdatedAt = _time.GetUtcNow() } : reference;
}
