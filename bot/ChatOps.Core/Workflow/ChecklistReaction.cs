using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Ticks the playbook items whose <c>done-when</c> the record now shows (assess dialog → assess items, contain done →
/// the mapped contain item, test pass/waive → test items, verified systems → implement, notices → communicate, export →
/// document, review → review), in the same transaction as the command, attributed to its actor. It only ticks, never
/// unticks: what people untick, or what a later change reopens (a new open containment action), is theirs to tick again.
/// </summary>
public sealed class ChecklistReaction : IIncidentReaction
{
    public Change React(Incident incident, IReadOnlyList<DecisionRecord> recorded, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(recorded);
        if (incident.IsClosed)
        {
            return new Change([], []);
        }

        var events = new List<PendingEvent>();
        foreach (var (phase, items) in incident.Checklists.OrderBy(c => c.Key))
        {
            foreach (var item in items.Where(i => i.DoneWhen is not null))
            {
                if (!item.Done && ChecklistTriggers.Holds(incident, item.DoneWhen!))
                {
                    events.Add(new PendingEvent(new ChecklistItemToggled(phase, item.Id, true)));
                }
            }
        }

        return new Change(events, []);
    }
}
