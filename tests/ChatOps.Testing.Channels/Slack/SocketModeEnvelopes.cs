using System.Text.Json.Nodes;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>
/// Messages a Socket Mode server sends, shaped as api.slack.com/apis/connections/socket-implement documents them
/// (hello, disconnect, and the three delivery envelopes with <c>envelope_id</c> and <c>accepts_response_payload</c>).
/// </summary>
public static class SocketModeEnvelopes
{
    public static JsonObject Hello(int numConnections) => new()
    {
        ["type"] = "hello",
        ["num_connections"] = numConnections,
        ["debug_info"] = new JsonObject { ["host"] = "applink-fake-1", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
        ["connection_info"] = new JsonObject { ["app_id"] = "A1" },
    };

    /// <summary><paramref name="reason"/>: <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>, <c>too_many_websockets</c>.</summary>
    public static JsonObject Disconnect(string reason) => new()
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "applink-fake-1" },
    };

    /// <summary>A slash command; the payload is the HTTP form's fields as a JSON object.</summary>
    public static JsonObject SlashCommand(string envelopeId, string text, string triggerId, string responseUrl = "https://hooks.slack.com/commands/T1/1/x") =>
        Delivery(envelopeId, "slash_commands", acceptsResponsePayload: true, new JsonObject
        {
            ["token"] = "ignored",
            ["team_id"] = "T1",
            ["team_domain"] = "acme",
            ["channel_id"] = "C1",
            ["channel_name"] = "incident",
            ["user_id"] = "U1",
            ["user_name"] = "alice",
            ["command"] = "/patch",
            ["text"] = text,
            ["api_app_id"] = "A1",
            ["is_enterprise_install"] = "false",
            ["response_url"] = responseUrl,
            ["trigger_id"] = triggerId,
        });

    /// <summary>An interaction; Slack accepts a response payload for view submissions (response_action), not for clicks.</summary>
    public static JsonObject Interactive(string envelopeId, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Delivery(envelopeId, "interactive", acceptsResponsePayload: payload["type"]?.GetValue<string>() == "view_submission", payload);
    }

    /// <summary>An Events API delivery; the payload is the HTTP body (<c>event_callback</c>).</summary>
    public static JsonObject EventsApi(string envelopeId, JsonObject eventCallback, int retryAttempt = 0, string retryReason = "") =>
        Delivery(envelopeId, "events_api", acceptsResponsePayload: false, eventCallback, retryAttempt, retryReason);

    /// <summary>An <c>app_mention</c> event_callback with the given <c>event_id</c>.</summary>
    public static JsonObject AppMention(string eventId, string text) => new()
    {
        ["token"] = "ignored",
        ["team_id"] = "T1",
        ["api_app_id"] = "A1",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "U1",
            ["text"] = "<@UBOT> " + text,
            ["channel"] = "C1",
            ["channel_type"] = "channel",
            ["ts"] = "1700000000.000001",
            ["event_ts"] = "1700000000.000001",
        },
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = "UBOT", ["is_bot"] = true }),
    };

    private static JsonObject Delivery(string envelopeId, string type, bool acceptsResponsePayload, JsonObject payload, int retryAttempt = 0, string retryReason = "")
    {
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["payload"] = payload.DeepClone(),
        };
        if (type == "events_api")
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryReason;
        }

        return envelope;
    }
}
