using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Notifications;

/// <summary>
/// Posts a card into an incident's conversation through its stored conversation reference (the serviceUrl Teams gave on
/// the conversation's last activity) and returns the activity id, so <see cref="TeamsPostedCardUpdater"/> can replace it.
/// </summary>
public sealed class TeamsPostedCardPoster(IServiceProvider services, IConversationReferenceStore references) : IPostedCardPoster
{
    public ChannelKind Channel => ChannelKind.Teams;

    public async Task<PostedCard> PostAsync(ConversationKey conversation, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var target = await references.GetAsync(conversation, cancellationToken);
        if (target?.ServiceUrl is null)
        {
            throw new InvalidOperationException($"The bot has no stored reference for conversation {conversation.ConversationId}.");
        }

        var activity = ReplyActivityFactory.Create(view);
        activity.Conversation = new ConversationAccount { Id = target.ConversationId, TenantId = conversation.TenantId };
        // The connector is a typed HttpClient (transient): resolved per call so handler rotation keeps working.
        var sent = await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(new Uri(target.ServiceUrl), target.ConversationId, activity, cancellationToken);
        return new PostedCard(ChannelKind.Teams, conversation.TenantId, target.ConversationId,
            sent.Id ?? throw new InvalidOperationException("Teams gave the posted card no activity id."), target.ServiceUrl);
    }
}
