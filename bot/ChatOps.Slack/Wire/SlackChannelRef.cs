using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>The conversation of an interaction payload (<c>channel{id,name}</c>).</summary>
public sealed record SlackChannelRef
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
