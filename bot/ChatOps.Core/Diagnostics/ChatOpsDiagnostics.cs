using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatOps.Core.Diagnostics;

/// <summary>
/// The bot's own traces and metrics, on System.Diagnostics only so every project can record them without
/// an OpenTelemetry dependency; the host subscribes with <c>AddSource(SourceName)</c> and
/// <c>AddMeter(MeterName)</c>. Instrument names follow the OpenTelemetry naming guidelines
/// (lowercase, dot-separated, unit in the unit field, not the name).
/// </summary>
public static class ChatOpsDiagnostics
{
    public const string SourceName = "ChatOps";
    public const string MeterName = "ChatOps";

    /// <summary>Tag names shared by spans, metrics and log scopes.</summary>
    public const string IncidentIdTag = "chatops.incident.id";
    public const string ChannelTag = "chatops.channel";
    public const string CommandTag = "chatops.command";
    public const string OutcomeTag = "chatops.outcome";
    public const string PeerTag = "chatops.peer";

    public static readonly ActivitySource ActivitySource = new(SourceName);

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Time from a command's arrival to its reply, tagged with command, channel and outcome.</summary>
    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "chatops.command.duration", unit: "s", description: "Time to handle one chat command.");

    /// <summary>Approval decisions, tagged with outcome (approved, rejected, refused).</summary>
    public static readonly Counter<long> Approvals = Meter.CreateCounter<long>(
        "chatops.approvals", unit: "{decision}", description: "Approval clicks and their outcome.");

    /// <summary>Time an outbox row waited between being written and being delivered.</summary>
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>(
        "chatops.outbox.lag", unit: "s", description: "Delay from outbox write to delivery.");

    /// <summary>Outbox deliveries that failed (each attempt), tagged with channel.</summary>
    public static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>(
        "chatops.outbox.failures", unit: "{attempt}", description: "Failed outbox delivery attempts.");

    /// <summary>HTTP 429 answers from Teams or Slack, tagged with peer.</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "chatops.throttled", unit: "{response}", description: "Requests throttled by a chat platform (HTTP 429).");

    /// <summary>Starts a span for one command; null when nobody listens.</summary>
    public static Activity? StartCommand(string command, string channel, string? incidentId)
    {
        var activity = ActivitySource.StartActivity($"chatops.command {command}", ActivityKind.Internal);
        activity?.SetTag(CommandTag, command);
        activity?.SetTag(ChannelTag, channel);
        if (incidentId is not null)
        {
            activity?.SetTag(IncidentIdTag, incidentId);
        }

        return activity;
    }
}
