using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Turns one delivery envelope into its ack, through the same <see cref="SlackInboundPipeline"/> as the HTTP endpoints
/// (the WebSocket, opened with the app token, replaces the request signature). The ack is
/// <c>{"envelope_id": …}</c> plus <c>payload</c> where the envelope <c>accepts_response_payload</c>
/// (api.slack.com/apis/connections/socket-implement). A malformed delivery is logged and acknowledged so Slack does
/// not send it again; a delivery the work queue turned away is not, so Slack does.
/// </summary>
public sealed class SocketModeEnvelopeHandler(SlackInboundPipeline pipeline, ILogger<SocketModeEnvelopeHandler> logger)
{
    /// <summary>The ack to send, or null to leave the envelope unacknowledged.</summary>
    public async Task<JsonObject?> HandleAsync(SocketModeEnvelope envelope, string connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var id = envelope.EnvelopeId ?? throw new ArgumentException("A delivery envelope has an envelope_id.", nameof(envelope));
        var source = "socket-mode/" + envelope.Type;
        SlackAck ack;
        try
        {
            ack = envelope.Type switch
            {
                "events_api" => await pipeline.AcceptEventAsync(EventEnvelope.Parse(Raw(envelope)), RetryNum(envelope), source, cancellationToken),
                "slash_commands" => await pipeline.AcceptSlashCommandAsync(SlashCommandPayload.FromJson(envelope.Payload), source, cancellationToken),
                "interactive" => await AcceptInteractionAsync(envelope, source, cancellationToken),
                _ => SlackAck.Ignored,
            };
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedEnvelope(logger, connection, $"{envelope.Type} {id}: {ex.Message}");
            SocketModeMetrics.Envelope(envelope.Type, "malformed");
            return Ack(id, null);
        }

        SocketModeMetrics.Envelope(envelope.Type, ack.Outcome.ToString().ToLowerInvariant());
        if (ack is { Outcome: SlackAckOutcome.Busy, Payload: null })
        {
            Log.EnvelopeNotAcknowledged(logger, envelope.Type, id);
            return null;
        }

        Log.EnvelopeHandled(logger, envelope.Type, id, connection, ack.Outcome.ToString());
        return Ack(id, envelope.AcceptsResponsePayload ? ack.Payload : null);
    }

    /// <summary>The ack for a frame that could not be read as an envelope but still names one.</summary>
    public static JsonObject Ack(string envelopeId, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload.DeepClone();
        }

        return ack;
    }

    private async Task<SlackAck> AcceptInteractionAsync(SocketModeEnvelope envelope, string source, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(Raw(envelope));
        if (payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new SlackPayloadException("Interaction payload is not a JSON object.");
        }

        return await pipeline.AcceptInteractionAsync(payload, source, cancellationToken);
    }

    private static string Raw(SocketModeEnvelope envelope) => envelope.Payload.ValueKind == JsonValueKind.Object
        ? envelope.Payload.GetRawText()
        : throw new SlackPayloadException($"{envelope.Type} envelope has no payload object.");

    /// <summary>Socket Mode's <c>retry_attempt</c> plays the part of HTTP's <c>X-Slack-Retry-Num</c> (for the log).</summary>
    private static string? RetryNum(SocketModeEnvelope envelope) =>
        envelope.RetryAttempt is int attempt && attempt > 0 ? attempt.ToString(CultureInfo.InvariantCulture) : null;
}
