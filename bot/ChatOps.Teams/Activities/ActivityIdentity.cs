using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// Who and where, read only from the authenticated activity: <c>from</c> and the tenant
/// (<c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>). Card data never takes part.
/// </summary>
internal static class ActivityIdentity
{
    private const string ThreadSuffix = ";messageid=";

    public static string? TenantOf(Activity activity) =>
        NullIfEmpty(activity.Conversation?.TenantId) ?? NullIfEmpty(activity.ChannelData?.Tenant?.Id);

    /// <summary>The conversation without the <c>;messageid=</c> suffix of a channel thread.</summary>
    public static string ConversationIdOf(string conversationId)
    {
        var suffix = conversationId.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return suffix < 0 ? conversationId : conversationId[..suffix];
    }

    /// <summary>The actor and conversation of an activity, or null when it lacks a sender, conversation or tenant.</summary>
    public static (Actor Actor, ConversationKey Conversation)? Read(Activity activity)
    {
        var tenant = TenantOf(activity);
        var userId = NullIfEmpty(activity.From?.Id);
        var conversationId = NullIfEmpty(activity.Conversation?.Id);
        if (tenant is null || userId is null || conversationId is null)
            return null;
        var actor = new Actor(ChannelKind.Teams, tenant, userId, activity.From!.Name ?? string.Empty, NullIfEmpty(activity.From.AadObjectId));
        return (actor, new ConversationKey(ChannelKind.Teams, tenant, ConversationIdOf(conversationId)));
    }

    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
