using ChatOps.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>Sends an authorized activity to its handler by type; other types get 200 and are ignored (A2014).</summary>
internal sealed class ActivityRouter(
    MessageActivityHandler messages,
    InvokeActivityHandler invokes,
    ConversationUpdateHandler conversationUpdates,
    ILogger<ActivityRouter> logger)
{
    public Task<IResult> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return messages.HandleAsync(activity, cancellationToken);
            case ActivityTypes.Invoke:
                return invokes.HandleAsync(activity, cancellationToken);
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                return conversationUpdates.HandleAsync(activity, cancellationToken);
            default:
                Log.IgnoredActivity(logger, activity.Type);
                return Task.FromResult<IResult>(TypedResults.Ok());
        }
    }
}
