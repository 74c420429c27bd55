namespace ChatOps.Teams.Schema;

/// <summary>
/// Body of <c>POST /v3/conversations</c>. Teams needs the user id and the tenant id
/// (msteams-docs send-proactive-messages.md).
/// </summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TopicName { get; set; }

    public string? TenantId { get; set; }

    public Activity? Activity { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>The parameters of a 1:1 chat between the bot and one user in a tenant.</summary>
    public static ConversationParameters ForPersonalChat(ChannelAccount bot, string tenantId, string userId) => new()
    {
        IsGroup = false,
        Bot = bot,
        Members = [new ChannelAccount { Id = userId }],
        TenantId = tenantId,
        ChannelData = new TeamsChannelData { Tenant = new TeamsInfo { Id = tenantId } },
    };
}
