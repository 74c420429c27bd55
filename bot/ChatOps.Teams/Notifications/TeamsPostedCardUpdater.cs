using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Notifications;

/// <summary>Replaces a card the bot posted (<c>PUT /v3/conversations/{id}/activities/{activityId}</c>) at the serviceUrl it was posted through.</summary>
public sealed class TeamsPostedCardUpdater(IServiceProvider services) : IPostedCardUpdater
{
    public ChannelKind Channel => ChannelKind.Teams;

    public async Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.ServiceUrl is null)
            throw new InvalidOperationException("A Teams card reference needs the serviceUrl it was posted through.");

        var activity = ReplyActivityFactory.Create(view);
        activity.Conversation = new ConversationAccount { Id = card.ConversationId };
        // The connector is a typed HttpClient (transient): resolved per call so handler rotation keeps working.
        await services.GetRequiredService<ConnectorClient>().UpdateActivityAsync(new Uri(card.ServiceUrl), card.ConversationId, card.MessageId, activity, cancellationToken);
    }
}
