using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>The comms role was reminded that stakeholders have not heard anything for too long.</summary>
public sealed record CommsReminded(TimeSpan Silence) : IncidentEvent
{
    public const string EventKind = "comms.reminded";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.RemindedAtVersion = record.Sequence;
        incident.RemindedAt = record.At;
    }

    public override string Describe() => $"Reminded comms: no stakeholder update for {(int)Silence.TotalMinutes} minutes";
}
