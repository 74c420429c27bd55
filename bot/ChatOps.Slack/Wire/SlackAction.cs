using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>One element action in a <c>block_actions</c> payload (a button's <c>value</c> is ours: JSON verb data).</summary>
public sealed record SlackAction
{
    public string ActionId { get; set; } = string.Empty;

    public string? BlockId { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public string? ActionTs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
