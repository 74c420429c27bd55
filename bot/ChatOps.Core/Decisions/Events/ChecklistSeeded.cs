using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>The phase checklists an incident starts with, copied from the playbook at declaration.</summary>
public sealed record ChecklistSeeded(string Playbook, IReadOnlyDictionary<Phase, IReadOnlyList<ChecklistSeedItem>> Items) : IncidentEvent
{
    public const string EventKind = "checklist.seeded";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        foreach (var (phase, items) in Items)
        {
            incident.Checklists[phase] = items.Select(i => new ChecklistItem { Id = i.Id, Text = i.Text, DoneWhen = i.DoneWhen }).ToList();
        }
    }

    public override string Describe() => $"Checklists from playbook '{Playbook}' ({Items.Sum(p => p.Value.Count)} items)";
}

/// <param name="DoneWhen">What in the record ticks the item (<see cref="Workflow.ChecklistTriggers"/>), or null.</param>
public sealed record ChecklistSeedItem(string Id, string Text, string? DoneWhen = null);
