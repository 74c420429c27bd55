using ChatOps.Teams.Activities;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Channels;

/// <summary>
/// Where a turn happened, as the incident channel steps need it: the team's group id for Graph (from
/// <c>channelData.team.aadGroupId</c>, else the connector's team details), the service URL and tenant, and people's
/// Entra object ids (from <c>from.aadObjectId</c>, else the connector's member lookup, which returns <c>objectId</c>).
/// </summary>
internal sealed record TeamsTeamContext(Activity Activity, Uri ServiceUrl, string TenantId, string TeamId, string ChannelId)
{
    /// <summary>The team of a channel message, or null when the turn is not in a team channel (a chat, a 1:1).</summary>
    public static TeamsTeamContext? Of(Activity? activity)
    {
        if (activity?.ChannelData?.Team?.Id is not { Length: > 0 } team
            || ActivityIdentity.TenantOf(activity) is not { } tenant
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || activity.Conversation?.Id is not { Length: > 0 } conversation)
            return null;
        return new TeamsTeamContext(activity, serviceUrl, tenant, team, activity.ChannelData.Channel?.Id ?? ActivityIdentity.ConversationIdOf(conversation));
    }

    public async Task<string?> GroupIdAsync(ConnectorClient connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (Activity.ChannelData?.Team?.AadGroupId is { Length: > 0 } known)
            return known;
        var details = await connector.GetTeamDetailsAsync(ServiceUrl, TenantId, TeamId, cancellationToken);
        return string.IsNullOrEmpty(details.AadGroupId) ? null : details.AadGroupId;
    }

    /// <summary>The Entra object id of a Teams user (<c>29:…</c>) of this conversation.</summary>
    public async Task<string?> ObjectIdAsync(ConnectorClient connector, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (string.Equals(Activity.From?.Id, userId, StringComparison.Ordinal) && Activity.From?.AadObjectId is { Length: > 0 } sender)
            return sender;
        var member = await connector.GetConversationMemberAsync(ServiceUrl, TenantId, ChannelId, userId, cancellationToken);
        return member.ObjectId is { Length: > 0 } objectId ? objectId : member.AadObjectId is { Length: > 0 } aad ? aad : null;
    }
}
