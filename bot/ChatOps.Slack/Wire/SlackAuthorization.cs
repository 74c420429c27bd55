using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>One installation an event is delivered for; for a bot install <c>user_id</c> is the bot's own user.</summary>
public sealed record SlackAuthorization
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public bool IsBot { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
