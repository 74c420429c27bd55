using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>check</c>/<c>uncheck</c> typed, and the checklist card's toggle button.</summary>
public sealed class ChecklistHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("check", "uncheck");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        return ToggleAsync(context, command.Required("item"), command.Name == "check", phase: null, expectedVersion: null, ReplyMode.Post);
    }

    /// <summary>
    /// Sets an item's state. A card click carries the phase and the incident version the card showed: if the
    /// incident moved on since, the click is refused as stale and the fresh card is shown instead.
    /// </summary>
    public static Task<CommandResult> ToggleAsync(CommandContext context, string itemId, bool? done, Phase? phase, long? expectedVersion, ReplyMode mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        Phase shown = default;
        return context.ChangeAsync(incident =>
        {
            if (expectedVersion is { } v && v != incident.Version)
            {
                return Change.Refuse($"That checklist card is out of date ({incident.Id} changed since). Here is the current one; click again if still needed.");
            }

            var (itemPhase, item) = Find(incident, itemId, phase);
            if (item is null)
            {
                var known = string.Join(", ", (incident.Checklists.GetValueOrDefault(incident.Phase) ?? []).Select(i => i.Id));
                return Change.Refuse($"There is no checklist item '{itemId}'. Items of {PhaseNames.Of(incident.Phase)}: {known}.");
            }

            shown = itemPhase;
            var target = done ?? !item.Done;
            return item.Done == target
                ? Change.Refuse($"'{item.Text}' is already {(target ? "ticked" : "unticked")}.")
                : Change.Record(new PendingEvent(new ChecklistItemToggled(itemPhase, item.Id, target)));
        }, r => CommandResult.Of(new Reply(IncidentViews.Checklist(r.Incident, shown), mode)));
    }

    private static (Phase Phase, ChecklistItem? Item) Find(Incident incident, string id, Phase? phase)
    {
        if (phase is { } p)
        {
            return (p, incident.FindChecklistItem(p, id));
        }

        if (incident.FindChecklistItem(incident.Phase, id) is { } current)
        {
            return (incident.Phase, current);
        }

        var matches = incident.Checklists.SelectMany(kv => kv.Value.Where(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase)).Select(i => (kv.Key, i))).ToList();
        return matches.Count == 1 ? (matches[0].Key, matches[0].i) : (incident.Phase, null);
    }
}
