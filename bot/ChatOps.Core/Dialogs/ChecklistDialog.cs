using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Dialogs;

/// <summary>Walks a phase's checklist one item at a time: yes ticks it, no or skip moves on.</summary>
public sealed class ChecklistDialog(Phase phase) : IFormDialog
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

    public bool TakesFreeText(int step) => false;

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

    /// <summary>Prefix of a checklist item's field id in the form (<c>item.c1</c>).</summary>
    public const string ItemFieldPrefix = "item.";

    public string FormTitle => PhaseNames.Of(phase) + " checklist";

    public DialogFormView Form(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = Items(incident);
        return new DialogFormView(incident.Id, incident.Id, Kind, FormTitle,
            items.Count == 0 ? $"The {PhaseNames.Of(phase)} checklist is empty." : "Tick what is done, untick what is not; only changes are recorded.",
            items.Select(i => new FormField(ItemFieldPrefix + i.Id, i.Text, FormFieldKind.Toggle, i.Done ? "true" : "false")).ToList());
    }

    /// <summary>
    /// A ticked box records the item as done, an unticked one as not done; items whose state did not change (or that
    /// the submission does not mention) record nothing.
    /// </summary>
    public FormOutcome Submit(Incident incident, IReadOnlyDictionary<string, string> values, Func<string, Participant> person)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(values);
        var items = Items(incident);
        var events = new List<PendingEvent>();
        foreach (var item in items)
        {
            if (values.TryGetValue(ItemFieldPrefix + item.Id, out var value))
            {
                var done = string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                if (done != item.Done)
                {
                    events.Add(new PendingEvent(new ChecklistItemToggled(phase, item.Id, done)));
                }
            }
        }

        var count = items.Count(i => i.Done) + events.Count(e => e.Event is ChecklistItemToggled { Done: true }) - events.Count(e => e.Event is ChecklistItemToggled { Done: false });
        return FormOutcome.Valid(events, events.Count == 0
            ? $"{PhaseNames.Of(phase)} checklist unchanged: {count}/{items.Count} done."
            : $"{PhaseNames.Of(phase)} checklist: {events.Count} change(s) recorded, {count}/{items.Count} done.");
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
