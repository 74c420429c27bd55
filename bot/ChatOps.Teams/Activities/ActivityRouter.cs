using ChatOps.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>Sends an authorized activity to its handler by type; other types get 200 and are ignored (A2014).</summary>
internal sealed class ActivityRouter(
    MessageActivityHandler messages,
    InvokeActivityHandler invokes,
    ConversationUpdateHandler conversationUpdates,
    TurnActivity turn,
    ILogger<ActivityRouter> logger)
{
    public async Task<TurnResult> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        turn.Current = activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return await messages.HandleAsync(activity, cancellationToken);
            case ActivityTypes.Invoke:
                return await invokes.HandleAsync(activity, cancellationToken);
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                return await conversationUpdates.HandleAsync(activity, cancellationToken);
            default:
                Log.IgnoredActivity(logger, activity.Type);
                return TurnResult.Done;
        }
    }
}
