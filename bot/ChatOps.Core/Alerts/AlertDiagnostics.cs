using System.Diagnostics.Metrics;
using ChatOps.Core.Diagnostics;

namespace ChatOps.Core.Alerts;

/// <summary>Alert intake metrics, on the bot's meter (<see cref="ChatOpsDiagnostics.MeterName"/>).</summary>
public static class AlertDiagnostics
{
    public const string OutcomeTag = ChatOpsDiagnostics.OutcomeTag;
    public const string SourceTag = "chatops.alert.source";

    /// <summary>Alerts taken in, tagged with source and outcome (recorded, repeated, unknown-system, not-watched).</summary>
    public static readonly Counter<long> Alerts = ChatOpsDiagnostics.Meter.CreateCounter<long>(
        "chatops.alerts", unit: "{alert}", description: "Monitoring alerts taken in, by outcome.");

    public static string Name(AlertIntakeOutcome outcome) => outcome switch
    {
        AlertIntakeOutcome.Recorded => "recorded",
        AlertIntakeOutcome.Repeated => "repeated",
        AlertIntakeOutcome.UnknownSystem => "unknown-system",
        _ => "not-watched",
    };
}
