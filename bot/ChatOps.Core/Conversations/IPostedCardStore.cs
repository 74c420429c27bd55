namespace ChatOps.Core.Conversations;

/// <summary>
/// Remembers where cards were posted, by a channel-neutral key (<see cref="PostedCardKeys"/>), so a change that was
/// typed rather than clicked can still update the card in place.
/// </summary>
public interface IPostedCardStore
{
    /// <summary>Records (or replaces) where the card with <paramref name="cardKey"/> was posted on <paramref name="card"/>'s channel.</summary>
    Task RecordAsync(string cardKey, PostedCard card, CancellationToken cancellationToken = default);

    /// <summary>Where the card was posted on <paramref name="channel"/> in <paramref name="tenantId"/>, or null.</summary>
    Task<PostedCard?> FindAsync(Identity.ChannelKind channel, string tenantId, string cardKey, CancellationToken cancellationToken = default);
}
