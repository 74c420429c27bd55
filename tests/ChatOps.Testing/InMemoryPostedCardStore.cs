using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Testing;

/// <summary>In-memory record of where cards were posted.</summary>
public sealed class InMemoryPostedCardStore : IPostedCardStore
{
    private readonly ConcurrentDictionary<(ChannelKind, string, string), PostedCard> _cards = new();

    public Task RecordAsync(string cardKey, PostedCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        _cards[(card.Channel, card.TenantId, cardKey)] = card;
        return Task.CompletedTask;
    }

    public Task<PostedCard?> FindAsync(ChannelKind channel, string tenantId, string cardKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cards.TryGetValue((channel, tenantId, cardKey), out var card) ? card : null);
}
