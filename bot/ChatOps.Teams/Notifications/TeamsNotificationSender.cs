using System.Net;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Views;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Notifications;

/// <summary>
/// Proactive Teams delivery: a person gets a 1:1 message through the stored conversation reference (or a 1:1 chat
/// created with the tenant id and user id); a channel gets a post. Teams' limits (per conversation, and 50 requests
/// per second per app per tenant) are kept by the connector client's <see cref="ConversationRateLimiter"/>.
/// </summary>
public sealed class TeamsNotificationSender(IServiceProvider services, IConversationReferenceStore references, TimeProvider time) : INotificationSender
{
    // The connector is a typed HttpClient (transient): resolved per send so handler rotation keeps working.
    private ConnectorClient Connector => services.GetRequiredService<ConnectorClient>();

    public ChannelKind Channel => ChannelKind.Teams;

    public async Task SendAsync(Recipient recipient, View view, ConversationKey origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var activity = ReplyActivityFactory.Create(view);
        try
        {
            var target = recipient.Kind == RecipientKind.User
                ? await PersonalChatAsync(recipient, origin, cancellationToken)
                : await references.GetAsync(new ConversationKey(ChannelKind.Teams, recipient.TenantId, recipient.Id), cancellationToken)
                    ?? await ChannelFromOriginAsync(recipient, origin, cancellationToken);
            // As the SDK's ContinueConversation does: the conversation (with its tenant) rides on the activity, which
            // is also how the connector client knows whose 50-per-second budget the call spends.
            activity.Conversation = new ConversationAccount { Id = target.ConversationId, TenantId = recipient.TenantId };
            await Connector.SendToConversationAsync(new Uri(target.ServiceUrl!), target.ConversationId, activity, cancellationToken);
        }
        catch (ConnectorRequestException ex)
        {
            // 403: the bot was removed or blocked; 404: no such user or conversation. Retrying cannot help.
            throw new DeliveryException($"Teams refused the message ({(int)ex.Status}): {ex.Message}", ex.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, ex)
            {
                RetryAfter = ex.RetryAfter,
            };
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException("Teams could not be reached: " + ex.Message, ex);
        }
    }

    private async Task<ConversationReference> PersonalChatAsync(Recipient recipient, ConversationKey origin, CancellationToken cancellationToken)
    {
        if (await references.GetPersonalAsync(ChannelKind.Teams, recipient.TenantId, recipient.Id, cancellationToken) is { ServiceUrl: not null } known)
        {
            return known;
        }

        var source = await references.GetAsync(origin, cancellationToken);
        if (source?.ServiceUrl is null)
        {
            throw new DeliveryException($"No 1:1 chat with {recipient.Id} is known and the incident channel has no stored service URL.", permanent: true);
        }

        var created = await Connector.CreateConversationAsync(new Uri(source.ServiceUrl), recipient.TenantId, recipient.Id, cancellationToken);
        var reference = new ConversationReference(ChannelKind.Teams, recipient.TenantId, created.Id!, recipient.Id, created.ServiceUrl ?? source.ServiceUrl,
            source.BotId, source.BotName, time.GetUtcNow());
        await references.UpsertPersonalAsync(reference, cancellationToken);
        return reference;
    }

    private async Task<ConversationReference> ChannelFromOriginAsync(Recipient recipient, ConversationKey origin, CancellationToken cancellationToken)
    {
        var source = await references.GetAsync(origin, cancellationToken);
        return source?.ServiceUrl is null
            ? throw new DeliveryException($"The bot has no stored reference for conversation {recipient.Id}; add the bot to it first.", permanent: true)
            : source with { ConversationId = recipient.Id };
    }
}
