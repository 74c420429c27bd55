using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record ImpactAssessed(string? Impact, string? DataExposure, string Priority) : IncidentEvent
{
    public const string EventKind = "impact.assessed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Impact = Impact ?? incident.Impact;
        incident.DataExposure = DataExposure ?? incident.DataExposure;
        incident.Priority = Priority;
    }

    public override string Describe() => $"Assessed: priority {Priority}; impact: {Impact ?? "—"}; data exposure: {DataExposure ?? "—"}";
}
