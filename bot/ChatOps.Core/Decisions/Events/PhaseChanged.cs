using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>The incident moved to another phase; <see cref="OpenItemsAcknowledged"/> records an explicit
/// acknowledgement of containment items still open when leaving Contain.</summary>
public sealed record PhaseChanged(Phase From, Phase To, IReadOnlyList<string> OpenItemsAcknowledged) : IncidentEvent
{
    public const string EventKind = "phase.changed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Phase = To;
    }

    public override string Describe() => OpenItemsAcknowledged.Count == 0
        ? $"Phase {PhaseNames.Of(From)} → {PhaseNames.Of(To)}"
        : $"Phase {PhaseNames.Of(From)} → {PhaseNames.Of(To)}, acknowledging open containment items {string.Join(", ", OpenItemsAcknowledged)}";
}
