using System.Text.Json.Serialization;

namespace ChatOps.Teams.Graph;

/// <summary>
/// Graph's <c>aadUserConversationMember</c>: a user, by Entra object id, with <c>roles</c> <c>["owner"]</c> or <c>[]</c>
/// (channel-post, channel-post-members).
/// </summary>
public sealed class AadUserConversationMember
{
    public const string ODataTypeName = "#microsoft.graph.aadUserConversationMember";

    [JsonPropertyName("@odata.type")]
    public string ODataType { get; set; } = ODataTypeName;

    public IList<string> Roles { get; set; } = [];

    /// <summary>e.g. <c>https://graph.microsoft.com/v1.0/users('8b081ef6-…')</c>.</summary>
    [JsonPropertyName("user@odata.bind")]
    public string? UserBind { get; set; }

    /// <summary>The member for <paramref name="objectId"/>, bound against the Graph base the bot talks to.</summary>
    public static AadUserConversationMember For(Uri graphBase, string objectId, bool owner)
    {
        ArgumentNullException.ThrowIfNull(graphBase);
        return new AadUserConversationMember
        {
            Roles = owner ? ["owner"] : [],
            UserBind = new Uri(graphBase, $"users('{Uri.EscapeDataString(objectId)}')").AbsoluteUri,
        };
    }
}
