using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// The incident entered another phase. <see cref="Skipped"/> names the earlier phases it left with open items
/// (<c>phase … --skip "WHY"</c>, the record's reason), and <see cref="OpenItemsAcknowledged"/> those open items by
/// their text (records before issue 16 hold containment ids acknowledged with <c>--ack</c>).
/// </summary>
public sealed record PhaseChanged(Phase From, Phase To, IReadOnlyList<string> OpenItemsAcknowledged, IReadOnlyList<Phase>? Skipped = null) : IncidentEvent
{
    public const string EventKind = "phase.changed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Phase = To;
        foreach (var phase in Skipped ?? [])
        {
            if (!incident.SkippedPhases.Contains(phase))
            {
                incident.SkippedPhases.Add(phase);
            }
        }

        incident.SkippedPhases.Remove(To);
    }

    public override string Describe() => (Skipped, OpenItemsAcknowledged.Count) switch
    {
        ({ Count: > 0 } skipped, _) =>
            $"Phase {PhaseNames.Of(From)} → {PhaseNames.Of(To)}, skipping {string.Join(", ", skipped.Select(PhaseNames.Of))} with open items: {string.Join("; ", OpenItemsAcknowledged)}",
        (_, 0) => $"Phase {PhaseNames.Of(From)} → {PhaseNames.Of(To)}",
        _ => $"Phase {PhaseNames.Of(From)} → {PhaseNames.Of(To)}, acknowledging open containment items {string.Join(", ", OpenItemsAcknowledged)}",
    };
}
