using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary><c>GET /v3/teams/{teamId}</c> (msteams-docs get-teams-context): the team's name and its group id for Graph.</summary>
public sealed class TeamDetails
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
