using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>An <c>{id, name}</c> object in Teams channel data (tenant, team, channel).</summary>
public sealed class TeamsInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
