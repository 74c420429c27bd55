using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record ChecklistItemToggled(Phase Phase, string ItemId, bool Done) : IncidentEvent
{
    public const string EventKind = "checklist.toggled";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var item = incident.FindChecklistItem(Phase, ItemId) ?? throw new InvalidOperationException($"No checklist item {ItemId}.");
        item.Done = Done;
        item.DoneBy = Done ? Participant.From(record.Actor) : null;
        item.DoneAt = Done ? record.At : null;
    }

    public override string Describe() => $"{(Done ? "Ticked" : "Unticked")} {PhaseNames.Of(Phase)} checklist item {ItemId}";

    public override string Describe(Incident incident) =>
        incident?.FindChecklistItem(Phase, ItemId) is { } item
            ? $"{(Done ? "Ticked" : "Unticked")} {PhaseNames.Of(Phase)} checklist item “{item.Text}”"
            : Describe();
}
