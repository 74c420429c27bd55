using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// The first firing of a monitoring alert on a system whose patch is deploying or being watched after deployment. Repeat
/// firings of the same alert are not recorded (they change nothing that was decided; a flood would bury the log); they
/// are counted on the posted card.
/// </summary>
public sealed record AlertFired(string AlertId, string Key, string Source, string Name, string System, string PatchId, DateTimeOffset? DeployedAt, string? Summary)
    : IncidentEvent
{
    public const string EventKind = "alert.fired";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.Alerts.Add(new AlertRecord
        {
            Id = AlertId,
            Key = Key,
            Source = Source,
            Name = Name,
            System = System,
            PatchId = PatchId,
            DeployedAt = DeployedAt,
            FiredAt = record.At,
            Summary = Summary,
            State = AlertState.Firing,
        });
    }

    public override string Describe() => $"Alert {AlertId} fired on {System} after {PatchId} ({Source}: {Name})";
}
