using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>The inner <c>event</c> of an <c>event_callback</c> (fields of <c>message</c> and <c>app_mention</c>).</summary>
public sealed record SlackEvent
{
    public string Type { get; set; } = string.Empty;

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? Team { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? EventTs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
