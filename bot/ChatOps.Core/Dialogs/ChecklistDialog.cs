using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Dialogs;

/// <summary>Walks a phase's checklist one item at a time: yes ticks it, no or skip moves on.</summary>
public sealed class ChecklistDialog(Phase phase) : IPhaseDialog
{
    public string Kind => "checklist:" + PhaseNames.Of(phase);

    public Phase Phase => phase;

    public int? FirstStep(Incident incident, IReadOnlyDictionary<string, string> data) => Next(incident, -1);

    public string Question(Incident incident, int step, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = Items(incident);
        return $"{PhaseNames.Of(phase)} {step + 1}/{items.Count} — {items[step].Text}: done? (yes / no / skip, or cancel)";
    }

    public DialogTurn Answer(Incident incident, int step, string answer, IReadOnlyDictionary<string, string> data, Func<string, Participant> person)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = Items(incident);
        if (step >= items.Count)
        {
            return new DialogTurn([], "That checklist changed; the dialog is finished.", null);
        }

        var item = items[step];
        var events = new List<PendingEvent>();
        switch (answer.Trim().ToLowerInvariant())
        {
            case "yes" or "y" or "done":
                if (!item.Done)
                {
                    events.Add(new PendingEvent(new ChecklistItemToggled(phase, item.Id, true)));
                }

                break;
            case "no" or "n" or "skip" or "later":
                break;
            default:
                return DialogTurn.Retry("Please answer yes, no or skip (or cancel to stop the dialog).", step);
        }

        var next = Next(incident, step);
        var done = items.Count(i => i.Done) + events.Count;
        return new DialogTurn(events, next is null ? $"{PhaseNames.Of(phase)} checklist: {done}/{items.Count} done." : "Noted.", next);
    }

    private List<ChecklistItem> Items(Incident incident) => incident.Checklists.GetValueOrDefault(phase) ?? [];

    private int? Next(Incident incident, int after)
    {
        var items = Items(incident);
        for (var i = after + 1; i < items.Count; i++)
        {
            if (!items[i].Done)
            {
                return i;
            }
        }

        return null;
    }
}
