using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>A modal as Slack reports it in <c>view_submission</c>; <c>private_metadata</c> is what we put there when opening it.</summary>
public sealed record SlackView
{
    public string Id { get; set; } = string.Empty;

    public string? Type { get; init; }

    public string? Hash { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public SlackViewState? State { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
