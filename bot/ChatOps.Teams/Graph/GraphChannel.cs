using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Graph;

/// <summary>
/// Microsoft Graph's <c>channel</c> resource (learn.microsoft.com/graph/api/resources/channel), only the properties the
/// bot sends or reads: the body of <c>POST /teams/{team-id}/channels</c> and of <c>PATCH …/channels/{channel-id}</c>.
/// </summary>
public sealed class GraphChannel
{
    public string? Id { get; set; }

    /// <summary>At most 50 characters (channel-post); see <see cref="Channels.TeamsChannelName"/>.</summary>
    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    /// <summary><c>standard</c> or <c>private</c> (<c>shared</c> exists, the bot does not create it).</summary>
    public string? MembershipType { get; set; }

    /// <summary>The link that opens the channel in Teams.</summary>
    public string? WebUrl { get; set; }

    /// <summary>A private channel created with application permissions needs at least one owner here (channel-post).</summary>
    public IList<AadUserConversationMember>? Members { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
