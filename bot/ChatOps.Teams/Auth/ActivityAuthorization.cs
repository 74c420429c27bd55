using System.Security.Claims;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Auth;

/// <summary>
/// The checks that need both the token and the activity (botbuilder ChannelValidation/EndorsementsValidator):
/// the token's <c>serviceurl</c> equals the activity's <c>serviceUrl</c>, and the signing key is endorsed for the
/// activity's <c>channelId</c>. Anonymous (dev console) activities may only name a loopback serviceUrl, so the bot
/// never sends anything elsewhere on their behalf.
/// </summary>
internal static class ActivityAuthorization
{
    /// <summary>Null when allowed, else why not (for the log; never echoed with secrets).</summary>
    public static string? Check(ClaimsPrincipal user, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(activity);
        if (user.Identity?.IsAuthenticated != true)
            return IsLoopbackUrl(activity.ServiceUrl) ? null : "anonymous activities may only use a loopback serviceUrl";

        var claimed = user.FindFirst(BotFrameworkAuthentication.ServiceUrlClaim)?.Value;
        if (claimed is null)
            return "the token has no serviceurl claim";
        if (!string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return "the token's serviceurl differs from the activity's serviceUrl";
        if (!string.IsNullOrEmpty(activity.ChannelId)
            && !user.FindAll(BotFrameworkAuthentication.EndorsementClaim).Any(c => string.Equals(c.Value, activity.ChannelId, StringComparison.Ordinal)))
            return "the signing key is not endorsed for the activity's channelId";
        return null;
    }

    private static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
