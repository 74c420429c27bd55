using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>
/// A member as <c>GET /v3/conversations/{id}/members/{userId}</c> returns it in Teams (msteams-docs get-teams-context):
/// the Entra object id is <c>objectId</c> there (<c>aadObjectId</c> in activities).
/// </summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ObjectId { get; set; }

    public string? AadObjectId { get; set; }

    public string? UserPrincipalName { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
