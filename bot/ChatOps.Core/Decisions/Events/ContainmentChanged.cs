using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A containment action was carried out, reversed, or kept in place (the record's reason says why).</summary>
public sealed record ContainmentChanged(string ItemId, ContainmentState State) : IncidentEvent
{
    public const string EventKind = "containment.changed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var item = incident.FindContainment(ItemId) ?? throw new InvalidOperationException($"No containment item {ItemId}.");
        item.State = State;
        var who = Participant.From(record.Actor);
        switch (State)
        {
            case ContainmentState.Done:
                (item.DoneAt, item.DoneBy) = (record.At, who);
                break;
            case ContainmentState.Reversed:
                (item.ReversedAt, item.ReversedBy) = (record.At, who);
                break;
            case ContainmentState.Kept:
                item.KeptReason = record.Reason;
                break;
        }
    }

    public override string Describe() => State switch
    {
        ContainmentState.Done => $"Containment {ItemId} done",
        ContainmentState.Reversed => $"Containment {ItemId} reversed",
        ContainmentState.Kept => $"Containment {ItemId} kept in place",
        _ => $"Containment {ItemId} reopened",
    };
}
