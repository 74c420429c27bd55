using System.Diagnostics.Metrics;
using ChatOps.Core.Diagnostics;

namespace ChatOps.Slack.SocketMode;

/// <summary>Socket Mode instruments on the ChatOps meter (so the host's OpenTelemetry export picks them up).</summary>
internal static class SocketModeMetrics
{
    public const string ReasonTag = "chatops.slack.reason";
    public const string EnvelopeTypeTag = "chatops.slack.envelope_type";

    /// <summary>Sockets that opened and got <c>hello</c>.</summary>
    public static readonly Counter<long> Connects = ChatOpsDiagnostics.Meter.CreateCounter<long>(
        "chatops.slack.socket.connects", unit: "{connection}", description: "Slack Socket Mode connections opened.");

    /// <summary>Replacements of a socket, tagged with why (refresh_requested, warning, error, missed ping…).</summary>
    public static readonly Counter<long> Reconnects = ChatOpsDiagnostics.Meter.CreateCounter<long>(
        "chatops.slack.socket.reconnects", unit: "{connection}", description: "Slack Socket Mode reconnects, by reason.");

    /// <summary>Envelopes, tagged with type and outcome (accepted, ignored, busy, malformed).</summary>
    public static readonly Counter<long> Envelopes = ChatOpsDiagnostics.Meter.CreateCounter<long>(
        "chatops.slack.socket.envelopes", unit: "{envelope}", description: "Slack Socket Mode envelopes received, by type and outcome.");

    public static void Envelope(string type, string outcome) => Envelopes.Add(
        1,
        new KeyValuePair<string, object?>(EnvelopeTypeTag, type),
        new KeyValuePair<string, object?>(ChatOpsDiagnostics.OutcomeTag, outcome));

    public static void Reconnect(string reason) => Reconnects.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));
}
