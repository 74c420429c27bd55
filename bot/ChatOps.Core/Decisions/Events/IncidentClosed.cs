using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>The incident was closed; <see cref="Forced"/> when open items were overridden (the reason says why).</summary>
public sealed record IncidentClosed(bool Forced) : IncidentEvent
{
    public const string EventKind = "incident.closed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.Status = IncidentStatus.Closed;
        incident.ClosedAt = record.At;
    }

    public override string Describe() => Forced ? "Closed (forced)" : "Closed";
}
