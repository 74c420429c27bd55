using ChatOps.Cards.Slack;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Notifications;

/// <summary>Slack delivery: a person gets a DM (<c>conversations.open</c> + post), a channel gets a post.</summary>
public sealed class SlackNotificationSender(IServiceProvider services) : INotificationSender
{
    // Errors after which retrying cannot help (api.slack.com method docs).
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "user_not_found", "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "user_disabled",
        "cannot_dm_bot", "invalid_auth", "not_authed", "missing_scope", "restricted_action",
    };

    public ChannelKind Channel => ChannelKind.Slack;

    public async Task SendAsync(Recipient recipient, View view, ConversationKey origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        try
        {
            var channel = recipient.Kind == RecipientKind.User
                ? (await services.GetRequiredService<ConversationsApi>().OpenAsync([recipient.Id], cancellationToken)).Id
                : recipient.Id;
            await services.GetRequiredService<ChatApi>().PostMessageAsync(channel, BlockKitRenderer.Render(view), cancellationToken: cancellationToken);
        }
        catch (SlackApiException ex)
        {
            throw new DeliveryException($"Slack refused the message: {ex.ErrorCode}", Permanent.Contains(ex.ErrorCode), ex) { RetryAfter = ex.RetryAfter };
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException("Slack could not be reached: " + ex.Message, ex);
        }
    }
}
