using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>The user who acted in an interaction payload: the only source of the actor's identity.</summary>
public sealed record SlackUser
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? TeamId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
