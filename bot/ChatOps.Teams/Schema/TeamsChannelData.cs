using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel and event type; the rest is kept as is.</summary>
public sealed class TeamsChannelData
{
    public TeamsInfo? Tenant { get; set; }

    public TeamsInfo? Team { get; set; }

    public TeamsInfo? Channel { get; set; }

    public string? EventType { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
