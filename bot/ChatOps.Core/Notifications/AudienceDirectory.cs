using ChatOps.Core.Identity;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Notifications;

/// <summary>Who an audience is on one platform: its subscribers plus the configured default users and channels.</summary>
public sealed class AudienceDirectory(ISubscriptionStore subscriptions, IOptions<NotificationOptions> options)
{
    public async Task<IReadOnlyList<Recipient>> ResolveAsync(ChannelKind channel, string tenantId, string audience, CancellationToken cancellationToken = default)
    {
        var users = new List<string>(await subscriptions.ListAsync(channel, tenantId, audience, cancellationToken));
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
