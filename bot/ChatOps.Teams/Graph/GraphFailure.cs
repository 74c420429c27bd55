using System.Net;
using Microsoft.Identity.Client;

namespace ChatOps.Teams.Graph;

/// <summary>
/// Says in a sentence what went wrong with a Graph step, for the people in the channel: for a 403 which permission an
/// admin must grant (docs/CONNECT.md "Incident channels"), never a token or a stack trace.
/// </summary>
internal static class GraphFailure
{
    public static bool Is(Exception exception) => exception is GraphRequestException or HttpRequestException or MsalException or TaskCanceledException;

    /// <param name="step">What the bot tried, e.g. "create the channel".</param>
    /// <param name="permissions">The permissions Graph names for the step, e.g. "Channel.Create.Group (resource-specific consent) or Channel.Create".</param>
    public static string Describe(Exception exception, string step, string permissions) => exception switch
    {
        GraphRequestException { Status: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } ex =>
            $"Microsoft Graph refused to {step} ({(int)ex.Status} {ex.Code}): the app has no consent for it. A Teams admin must grant {permissions}: " +
            "install the current app package (its resource-specific permissions are granted for the team on install) or grant the application permission in Entra ID with admin consent.",
        GraphRequestException { Status: HttpStatusCode.TooManyRequests } ex =>
            $"Microsoft Graph is throttling the bot and did not {step}{(ex.RetryAfter is { } wait ? $"; try again in {Math.Ceiling(wait.TotalSeconds)} s" : "")}.",
        GraphRequestException ex => $"Microsoft Graph did not {step}: {ex.Message}",
        MsalException ex => $"The bot could not get a Microsoft Graph token ({ex.ErrorCode}), so it could not {step}; check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.",
        _ => $"Microsoft Graph could not be reached to {step}: {exception.Message}",
    };
}
