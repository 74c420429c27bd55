using ChatOps.Teams.Options;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Auth;

/// <summary>
/// Which Bot Framework channels and tenants this bot serves (issue 19): a validly signed activity from Web Chat or from
/// another tenant is still refused. <c>channelId</c> must be in <c>Teams:AllowedChannels</c> (default <c>msteams</c>);
/// the tenant must be <c>MicrosoftAppTenantId</c> or in <c>Teams:AllowedTenants</c> (<c>*</c> = any).
/// </summary>
internal sealed class ActivityAudience(IOptions<BotFrameworkOptions> bot, IOptions<TeamsChannelOptions> channel)
{
    /// <summary>Null when served, else why not (for the log).</summary>
    public string? Check(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId)
            || !channel.Value.EffectiveChannels.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            return $"channel '{activity.ChannelId}' is not in Teams:AllowedChannels";

        var tenants = channel.Value.AllowedTenants.Append(bot.Value.MicrosoftAppTenantId)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToList();
        if (tenants.Count == 0 || tenants.Contains("*", StringComparer.Ordinal))
            return null;
        // Both places a tenant can be named must agree with the list: a second, unchecked one could be read later.
        string?[] named = [activity.Conversation?.TenantId, activity.ChannelData?.Tenant?.Id];
        var given = named.Where(t => t is not null).ToList();
        return given.Count > 0 && given.All(t => tenants.Contains(t!, StringComparer.OrdinalIgnoreCase))
            ? null
            : "the activity's tenant is not MicrosoftAppTenantId or in Teams:AllowedTenants";
    }
}
