using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>The workspace of an interaction payload (<c>team{id,domain}</c>).</summary>
public sealed record SlackTeam
{
    public string Id { get; set; } = string.Empty;

    public string? Domain { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
