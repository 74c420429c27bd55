using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>
/// One message Slack sends over a Socket Mode WebSocket (api.slack.com/apis/connections/socket-implement):
/// <c>hello</c> (with <c>num_connections</c>), <c>disconnect</c> (with <c>reason</c>: <c>warning</c>,
/// <c>refresh_requested</c>, <c>link_disabled</c>…), or a delivery — <c>events_api</c>, <c>slash_commands</c>,
/// <c>interactive</c> — that carries <c>envelope_id</c>, the HTTP body's equivalent as <c>payload</c>,
/// <c>accepts_response_payload</c> and, on redelivery, <c>retry_attempt</c> / <c>retry_reason</c>.
/// </summary>
public sealed record SocketModeEnvelope
{
    public string Type { get; set; } = string.Empty;

    public string? EnvelopeId { get; init; }

    public JsonElement Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    public string? Reason { get; init; }

    public int? NumConnections { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Parses one text frame; throws <see cref="SlackPayloadException"/> when it is not a JSON object with a type.</summary>
    public static SocketModeEnvelope Parse(ReadOnlySpan<byte> utf8)
    {
        SocketModeEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(utf8, SlackJsonContext.Default.SocketModeEnvelope);
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException("Socket Mode message is not a valid envelope.", ex);
        }

        return envelope is { Type.Length: > 0 } ? envelope : throw new SlackPayloadException("Socket Mode message has no type.");
    }

    /// <summary>The <c>envelope_id</c> of a frame that could not be parsed as a whole, so even a malformed delivery is acknowledged.</summary>
    public static string? TryReadEnvelopeId(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
