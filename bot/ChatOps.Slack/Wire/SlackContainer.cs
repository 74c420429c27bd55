using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>Where an interaction happened: a message (<c>channel_id</c>, <c>message_ts</c>) or a view (<c>view_id</c>).</summary>
public sealed record SlackContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool IsEphemeral { get; init; }

    public string? ViewId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
