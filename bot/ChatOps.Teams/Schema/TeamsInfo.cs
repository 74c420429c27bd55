using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>An <c>{id, name}</c> object in Teams channel data (tenant, team, channel).</summary>
public sealed class TeamsInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The team's Microsoft 365 group id (<c>channelData.team.aadGroupId</c>): how Graph addresses the team.</summary>
    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
