using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>A <c>block_actions</c> interaction (api.slack.com/reference/interaction-payloads/block-actions-payload).</summary>
public sealed record BlockActionsPayload
{
    public string Type { get; set; } = string.Empty;

    public SlackTeam? Team { get; init; }

    public SlackUser? User { get; init; }

    public string? ApiAppId { get; init; }

    public SlackContainer? Container { get; init; }

    public string? TriggerId { get; init; }

    public SlackChannelRef? Channel { get; init; }

    public string? ResponseUrl { get; init; }

    public IReadOnlyList<SlackAction> Actions { get; set; } = [];

    public SlackViewState? State { get; init; }

    public SlackView? View { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
