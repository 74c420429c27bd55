using ChatOps.Core.Identity;

namespace ChatOps.Core.Notifications;

/// <summary>Who subscribed to which audience, per tenant and platform.</summary>
public interface ISubscriptionStore
{
    Task SubscribeAsync(ChannelKind channel, string tenantId, string audience, string userId, CancellationToken cancellationToken = default);

    /// <summary>True when a subscription was removed.</summary>
    Task<bool> UnsubscribeAsync(ChannelKind channel, string tenantId, string audience, string userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListAsync(ChannelKind channel, string tenantId, string audience, CancellationToken cancellationToken = default);
}
