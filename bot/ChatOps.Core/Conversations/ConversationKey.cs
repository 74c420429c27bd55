using ChatOps.Core.Identity;

namespace ChatOps.Core.Conversations;

/// <summary>
/// Identifies one conversation (a Teams channel, group chat or 1:1 chat; a Slack channel or DM) inside a tenant.
/// An incident is bound to one conversation; commands typed there act on it.
/// </summary>
/// <param name="Channel">Platform.</param>
/// <param name="TenantId">Teams tenant id or Slack team id.</param>
/// <param name="ConversationId">Teams conversation id without the <c>;messageid=</c> thread suffix, or Slack channel id.</param>
public sealed record ConversationKey(ChannelKind Channel, string TenantId, string ConversationId);
