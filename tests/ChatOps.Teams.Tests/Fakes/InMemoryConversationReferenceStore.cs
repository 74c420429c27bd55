using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Teams.Tests.Fakes;

public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<ConversationKey, ConversationReference> _conversations = new();
    private readonly ConcurrentDictionary<(ChannelKind, string, string), ConversationReference> _personal = new();

    public IReadOnlyCollection<ConversationReference> Conversations => [.. _conversations.Values];

    public IReadOnlyCollection<ConversationReference> PersonalChats => [.. _personal.Values];

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _conversations[reference.Key] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_conversations.GetValueOrDefault(key));

    public Task<ConversationReference?> GetPersonalAsync(ChannelKind channel, string tenantId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_personal.GetValueOrDefault((channel, tenantId, userId)));

    public Task UpsertPersonalAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(reference.UserId);
        _personal[(reference.Channel, reference.TenantId, reference.UserId)] = reference;
        return Task.CompletedTask;
    }
}
