using ChatOps.Core.Identity;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Notifications;

/// <summary>
/// Who an audience is on one platform for one notice: the incident's members of the audience, the tenant-wide
/// subscribers (only where the audience is configured <c>TenantWide</c>), and the configured default users and channels.
/// </summary>
public sealed class AudienceDirectory(ISubscriptionStore subscriptions, IOptions<NotificationOptions> options)
{
    public async Task<IReadOnlyList<Recipient>> ResolveAsync(
        ChannelKind channel, string tenantId, string audience, IReadOnlyList<string>? members = null, CancellationToken cancellationToken = default)
    {
        var users = new List<string>(members ?? []);
        // Subscriptions stored before tenant-wide ones had to be configured stop reaching other incidents here.
        if (options.Value.IsTenantWide(audience))
        {
            users.AddRange(await subscriptions.ListAsync(channel, tenantId, audience, cancellationToken));
        }

        var conversations = new List<string>();
        if (options.Value.Audiences.TryGetValue(audience, out var configured))
        {
            users.AddRange(channel == ChannelKind.Teams ? configured.TeamsUsers : configured.SlackUsers);
            conversations.AddRange(channel == ChannelKind.Teams ? configured.TeamsChannels : configured.SlackChannels);
        }

        return users.Distinct(StringComparer.Ordinal).Select(u => new Recipient(channel, tenantId, RecipientKind.User, u))
            .Concat(conversations.Distinct(StringComparer.Ordinal).Select(c => new Recipient(channel, tenantId, RecipientKind.Conversation, c)))
            .ToList();
    }
}
