using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>
/// The Events API outer body: <c>url_verification</c> (with <c>challenge</c>) or <c>event_callback</c>
/// (slackapi/slack-api-specs events-api/slack_common_event_wrapper_schema.json).
/// </summary>
public sealed record EventEnvelope
{
    public string Type { get; set; } = string.Empty;

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public SlackEvent? Event { get; init; }

    public IReadOnlyList<SlackAuthorization> Authorizations { get; set; } = [];

    public IReadOnlyList<string> AuthedUsers { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static EventEnvelope Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SlackJsonContext.Default.EventEnvelope)
                ?? throw new SlackPayloadException("Event body is empty.");
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException("Event body is not a valid Events API envelope.", ex);
        }
    }
}
