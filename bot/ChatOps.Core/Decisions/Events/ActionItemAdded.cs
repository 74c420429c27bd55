using System.Globalization;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>The review agreed a follow-up with an owner and a due date.</summary>
public sealed record ActionItemAdded(string ItemId, Participant Owner, DateOnly Due, string Text) : IncidentEvent
{
    public const string EventKind = "review.action-item";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.ActionItems.Add(new ActionItem(ItemId, Owner, Due, Text, Participant.From(record.Actor), record.At));
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"Action item {ItemId} for {Owner.DisplayName}, due {Due:yyyy-MM-dd}: {Text}");
}
