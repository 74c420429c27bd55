using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record ContainmentAdded(string ItemId, string Action, string Undo, Participant? Owner) : IncidentEvent
{
    public const string EventKind = "containment.added";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Containment.Add(new ContainmentAction { Id = ItemId, Action = Action, Undo = Undo, Owner = Owner, State = ContainmentState.Open });
    }

    public override string Describe() => $"Containment {ItemId}: {Action} (undo: {Undo})";
}
