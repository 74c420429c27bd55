using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>Input values of a message or modal: <c>values[block_id][action_id]</c> = the element's state.</summary>
public sealed record SlackViewState
{
    public Dictionary<string, Dictionary<string, JsonElement>> Values { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
