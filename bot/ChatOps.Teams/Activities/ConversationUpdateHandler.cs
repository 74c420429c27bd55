using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Views;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>
/// <c>conversationUpdate</c> and <c>installationUpdate</c> (msteams-docs subscribe-to-conversation-events.md): stores
/// the conversation reference for proactive messages (and the user's 1:1 chat in personal scope) and, when the bot
/// itself was added, posts the welcome card (how to start, where to get help). Removals are only logged.
/// </summary>
internal sealed class ConversationUpdateHandler(
    IConversationReferenceStore references,
    IIdempotencyStore idempotency,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<ConversationUpdateHandler> logger)
{
    private static readonly WelcomeView Welcome = new();

    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenant = ActivityIdentity.TenantOf(activity);
        var conversationId = activity.Conversation?.Id;
        var botId = activity.Recipient?.Id;
        if (tenant is null || string.IsNullOrEmpty(conversationId))
        {
            Log.IgnoredActivity(logger, activity.Type);
            return TurnResult.Done;
        }

        if (IsBotRemoved(activity, botId))
        {
            Log.BotRemoved(logger, activity.Type);
            return TurnResult.Done;
        }

        var personal = ActivityIdentity.IsPersonal(activity);
        var reference = new ConversationReference(
            ChannelKind.Teams,
            tenant,
            ActivityIdentity.ConversationIdOf(conversationId),
            personal ? activity.From?.Id : null,
            activity.ServiceUrl,
            botId,
            activity.Recipient?.Name,
            time.GetUtcNow());
        await references.UpsertAsync(reference, cancellationToken);
        if (personal && !string.IsNullOrEmpty(reference.UserId))
            await references.UpsertPersonalAsync(reference, cancellationToken);
        Log.ConversationReferenceStored(logger, activity.Type, activity.Conversation?.ConversationType);

        if (IsBotAdded(activity, botId)
            && await idempotency.TryClaimAsync("teams-welcome", $"{conversationId}|{activity.Id}", cancellationToken))
            await SendWelcomeAsync(activity, conversationId, cancellationToken);

        return TurnResult.Done;
    }

    private async Task SendWelcomeAsync(Activity activity, string conversationId, CancellationToken cancellationToken)
    {
        var welcome = ReplyActivityFactory.Create(Welcome);
        welcome.From = activity.Recipient;
        try
        {
            await connector.SendToConversationAsync(new Uri(activity.ServiceUrl!), conversationId, welcome, cancellationToken);
        }
        catch (Exception ex) when (DeliveryFailure.Is(ex))
        {
            Log.ReplyFailed(logger, ex, activity.Type);
        }
    }

    private static bool IsBotAdded(Activity activity, string? botId) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && botId is not null
        && (activity.MembersAdded ?? []).Any(m => m.Id == botId);

    private static bool IsBotRemoved(Activity activity, string? botId) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        || (botId is not null && (activity.MembersRemoved ?? []).Any(m => m.Id == botId));
}
