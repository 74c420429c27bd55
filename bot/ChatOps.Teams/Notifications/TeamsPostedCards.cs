using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Notifications;

/// <summary>
/// Cards the bot posts and replaces later: posted into an incident's conversation through its stored conversation
/// reference (the serviceUrl Teams gave on the conversation's last activity), returning the activity id; replaced with
/// <c>PUT /v3/conversations/{id}/activities/{activityId}</c> at the serviceUrl it was posted through.
/// </summary>
public sealed class TeamsPostedCards(IServiceProvider services, IConversationReferenceStore references) : IPostedCardPoster, IPostedCardUpdater
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
        var sent = await Connector.SendToConversationAsync(new Uri(target.ServiceUrl), target.ConversationId, activity, cancellationToken);
        return new PostedCard(ChannelKind.Teams, conversation.TenantId, target.ConversationId,
            sent.Id ?? throw new InvalidOperationException("Teams gave the posted card no activity id."), target.ServiceUrl);
    }

    public async Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.ServiceUrl is null)
            throw new InvalidOperationException("A Teams card reference needs the serviceUrl it was posted through.");

        var activity = ReplyActivityFactory.Create(view);
        activity.Conversation = new ConversationAccount { Id = card.ConversationId };
        await Connector.UpdateActivityAsync(new Uri(card.ServiceUrl), card.ConversationId, card.MessageId, activity, cancellationToken);
    }

    // The connector is a typed HttpClient (transient): resolved per call so handler rotation keeps working.
    private ConnectorClient Connector => services.GetRequiredService<ConnectorClient>();
}
