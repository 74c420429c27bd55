using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>
/// The Events API outer body: <c>url_verification</c> (with <c>challenge</c>) or <c>event_callback</c>
/// (slackapi/slack-api-specs events-api/slack_common_event_wrapper_schema.json).
/// </summary>
public sealed record EventEnvelope
{
    public string Type { get; init; } = string.Empty;

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public SlackEvent? Event { get; init; }

    public IReadOnlyList<SlackAuthorization> Authorizations { get; init; } = [];

    public IReadOnlyList<string> AuthedUsers { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static EventEnvelope Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EventEnvelope>(json, SlackJson.Options)
                ?? throw new SlackPayloadException("Event body is empty.");
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException("Event body is not a valid Events API envelope.", ex);
        }
    }
}
