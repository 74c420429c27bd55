using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>A <c>view_submission</c> interaction: a modal's Submit (api.slack.com/reference/interaction-payloads/views).</summary>
public sealed record ViewSubmissionPayload
{
    public string Type { get; set; } = string.Empty;

    public SlackTeam? Team { get; init; }

    public SlackUser? User { get; init; }

    public string? ApiAppId { get; init; }

    public string? TriggerId { get; init; }

    public SlackView? View { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
