using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record SystemAdded(string Name, Participant? Owner, string Criticality) : IncidentEvent
{
    public const string EventKind = "system.added";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Systems.RemoveAll(s => string.Equals(s.Name, Name, StringComparison.OrdinalIgnoreCase));
        incident.Systems.Add(new AffectedSystem(Name, Owner, Criticality));
    }

    public override string Describe() =>
        $"Affected system {Name} ({Criticality} criticality{(Owner is null ? "" : $", owner {Owner.DisplayName}")})";
}
