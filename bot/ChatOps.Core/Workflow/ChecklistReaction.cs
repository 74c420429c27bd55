using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Ticks the playbook items whose <c>done-when</c> the record now shows (assess dialog → assess items, contain done →
/// the mapped contain item, test pass/waive → test items, verified systems → implement, notices → communicate, export →
/// document, review → review), in the same transaction as the command, attributed to its actor. A notice found to reach
/// nobody unticks the communicate item it had ticked when no other notice reached that audience.
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

        var nobody = recorded.Where(r => r.Kind == NoticeReachedNobody.EventKind).ToList();
        var events = new List<PendingEvent>();
        foreach (var (phase, items) in incident.Checklists.OrderBy(c => c.Key))
        {
            foreach (var item in items.Where(i => i.DoneWhen is not null))
            {
                var holds = ChecklistTriggers.Holds(incident, item.DoneWhen!);
                if (holds && !item.Done)
                {
                    events.Add(new PendingEvent(new ChecklistItemToggled(phase, item.Id, true)));
                }
                else if (!holds && item.Done && nobody.Count > 0 && item.DoneWhen!.StartsWith(ChecklistTriggers.NotifiedPrefix, StringComparison.Ordinal))
                {
                    events.Add(new PendingEvent(new ChecklistItemToggled(phase, item.Id, false), "the notice reached nobody"));
                }
            }
        }

        return new Change(events, []);
    }
}
