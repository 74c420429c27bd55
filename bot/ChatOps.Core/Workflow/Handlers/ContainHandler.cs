using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>The containment ledger: <c>contain add|done|undo|keep</c>.</summary>
public sealed class ContainHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("contain add", "contain done", "contain undo", "contain keep");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name == "contain add")
        {
            var owner = command["owner"] is { } o ? context.Person(o) : null;
            return context.ChangeAsync(incident =>
            {
                var id = "C" + (incident.Containment.Count + 1).ToString(CultureInfo.InvariantCulture);
                return Change.Record(new PendingEvent(new ContainmentAdded(id, command.Required("action"), command.Required("undo"), owner)));
            }, r => CommandResult.Of(new Reply(IncidentViews.Ledger(r.Incident))));
        }

        var itemId = command.Required("item");
        var (target, allowedFrom, verb) = command.Name switch
        {
            "contain done" => (ContainmentState.Done, new[] { ContainmentState.Open }, "marked done"),
            "contain undo" => (ContainmentState.Reversed, new[] { ContainmentState.Done, ContainmentState.Kept, ContainmentState.Open }, "reversed"),
            "contain keep" => (ContainmentState.Kept, new[] { ContainmentState.Done }, "kept"),
            _ => throw Unhandled.Command(command),
        };
        return context.ChangeAsync(incident =>
        {
            var item = incident.FindContainment(itemId);
            if (item is null)
            {
                var known = incident.Containment.Count == 0 ? "the ledger is empty" : "known: " + string.Join(", ", incident.Containment.Select(c => c.Id));
                return Change.Refuse($"There is no containment action {itemId} ({known}).");
            }

            if (!allowedFrom.Contains(item.State))
            {
                return Change.Refuse($"{item.Id} is {item.State.ToString().ToLowerInvariant()}; it cannot be {verb}.");
            }

            return Change.Record(new PendingEvent(new ContainmentChanged(item.Id, target), command["reason"]));
        }, r => CommandResult.Of(new Reply(IncidentViews.Ledger(r.Incident))));
    }
}
