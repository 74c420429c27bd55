namespace ChatOps.Core.Identity;

/// <summary>
/// The authenticated person behind a command or a click. Built by a channel from the verified activity or
/// payload (Teams <c>from.id</c> + tenant, Slack <c>user_id</c> + <c>team_id</c>), never from card data.
/// </summary>
/// <param name="Channel">Which platform authenticated the user.</param>
/// <param name="TenantId">Teams tenant id or Slack team id.</param>
/// <param name="UserId">Teams user MRI (<c>29:…</c>) or Slack user id (<c>U…</c>).</param>
/// <param name="DisplayName">Name as the platform reported it; informational only.</param>
/// <param name="AadObjectId">Entra object id (Teams only).</param>
public sealed record Actor(
    ChannelKind Channel,
    string TenantId,
    string UserId,
    string DisplayName,
    string? AadObjectId = null)
{
    /// <summary>A stable key for "the same person" inside one tenant of one platform.</summary>
    public string Key => $"{Channel}:{TenantId}:{UserId}";
}
