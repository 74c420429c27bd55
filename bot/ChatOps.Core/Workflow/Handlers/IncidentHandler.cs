using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// <c>status</c>, <c>phase</c>, <c>role</c>, <c>role remove</c>, <c>decision</c> and <c>close</c>. Who may run each is the
/// authority matrix's answer, asked by the dispatcher before this runs.
/// </summary>
public sealed class IncidentHandler(DialogHandler dialogs, Notifications.IDeliveryStore deliveries) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("status", "phase", "role", "role remove", "decision", "close");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Name switch
        {
            "status" => StatusAsync(context, deliveries),
            "phase" => PhaseAsync(context, command, dialogs),
            "role" => RoleAsync(context, command),
            "role remove" => RemoveRoleAsync(context, command),
            "decision" => context.ChangeAsync(
                _ => Change.Record(new PendingEvent(new DecisionNoted(command.Required("what")), command["because"])),
                o => CommandContext.Say($"Decision recorded in {o.Incident.Id}: {command.Required("what")}")),
            "close" => CloseAsync(context, command),
            _ => throw Unhandled.Command(command),
        };
    }

    private static async Task<CommandResult> StatusAsync(CommandContext context, Notifications.IDeliveryStore deliveries)
    {
        var snapshot = await context.FindIncidentAsync();
        return snapshot is null
            ? await ClosedIncidentStatus.ReplyAsync(context)
            : CommandResult.Of(new Reply(await SummaryWithAcknowledgementsAsync(context, snapshot.Incident, deliveries)));
    }

    /// <summary>
    /// The summary with who has and has not acknowledged the latest notice: the people it was delivered to come from
    /// its delivery rows (the incident record holds only the acknowledgements).
    /// </summary>
    private static async Task<Views.IncidentSummaryView> SummaryWithAcknowledgementsAsync(CommandContext context, Incidents.Incident incident, Notifications.IDeliveryStore deliveries)
    {
        var summary = IncidentViews.Summary(incident);
        if (incident.Notices.LastOrDefault() is not { } notice)
        {
            return summary;
        }

        // Expanded by this process: known without reading the delivery rows (recipients do not change once expanded).
        var people = context.Services.NoticeRecipients.Find(incident.TenantId, incident.Id, notice.Id, notice.Audiences)
            ?? (await deliveries.ListAsync(incident.TenantId, incident.Id, notice.Id, context.CancellationToken))
            .Where(d => d.Recipient.Kind == Notifications.RecipientKind.User && d.Audience != "channel")
            .Select(d => d.Recipient.Id).Distinct(StringComparer.Ordinal).ToList();
        var acked = notice.Acknowledgements.ToDictionary(a => a.Person.UserId, StringComparer.Ordinal);
        var lines = notice.Acknowledgements.Select(a => new Views.AcknowledgementLine(a.Person.DisplayName, true, a.At))
            .Concat(people.Where(p => !acked.ContainsKey(p)).Select(p => new Views.AcknowledgementLine(incident.KnownName(p) ?? p, false)))
            .ToList();
        return summary with { Acknowledgements = lines };
    }

    private static async Task<CommandResult> PhaseAsync(CommandContext context, ParsedCommand command, DialogHandler dialogs)
    {
        if (command["phase"] is not { } name)
        {
            var snapshot = await context.FindIncidentAsync();
            return snapshot is null
                ? CommandContext.Error(CommandContext.NoIncident)
                : CommandResult.Of(new Reply(IncidentViews.Checklist(snapshot.Incident, snapshot.Incident.Phase)));
        }

        PhaseNames.TryParse(name, out Phase target);
        var skip = command["skip"];
        return await context.ChangeAsync(incident =>
        {
            if (incident.Phase == target)
            {
                return Change.Refuse($"{incident.Id} is already in {name}.");
            }

            var blocking = PhaseProjection.Blocking(incident, target);
            if (blocking.Count > 0 && skip is null)
            {
                var open = string.Join("\n", blocking.Select(b => $"• {b.Name}: {string.Join("; ", b.OpenItems)}"));
                return Change.Refuse(
                    $"{incident.Id} cannot enter {name} yet; earlier phases have open items:\n{open}\nFinish them (check ITEM, or the command that does the work), or enter {name} anyway and say why: phase {name} --skip \"WHY\"");
            }

            return blocking.Count == 0
                ? Change.Record(new PendingEvent(new PhaseChanged(incident.Phase, target, [])))
                : Change.Record(new PendingEvent(new PhaseChanged(incident.Phase, target, blocking.SelectMany(b => b.OpenItems.Select(i => $"{b.Name}: {i}")).ToList(),
                    blocking.Select(b => b.Phase).ToList()), skip));
        }, async o =>
        {
            // Entering a phase starts its guided dialog, so the team is walked through what the phase needs.
            var dialog = await dialogs.StartAsync(context, o.Incident, target == Phase.Assess ? "assess" : "checklist:" + PhaseNames.Of(target));
            return new CommandResult([new Reply(IncidentViews.Checklist(o.Incident, target)), .. dialog.Replies]);
        });
    }

    private static Task<CommandResult> RoleAsync(CommandContext context, ParsedCommand command)
    {
        PhaseNames.TryParse(command.Required("role"), out IncidentRole role);
        var person = context.Person(command.Required("user"));
        return context.ChangeAsync(incident => incident.Holds(person.UserId, role)
                ? Change.Refuse($"{person.DisplayName} is already {PhaseNames.Of(role)} of {incident.Id}.")
                : Change.Record(new PendingEvent(new RoleAssigned(role, person))),
            o => CommandContext.Say($"{person.DisplayName} is now {PhaseNames.Of(role)} of {o.Incident.Id}."));
    }

    private static Task<CommandResult> RemoveRoleAsync(CommandContext context, ParsedCommand command)
    {
        PhaseNames.TryParse(command.Required("role"), out IncidentRole role);
        var name = PhaseNames.Of(role);
        var userId = context.Person(command.Required("user")).UserId;
        Participant? removed = null;
        return context.ChangeAsync(incident =>
        {
            if (role == IncidentRole.Commander)
            {
                return Change.Refuse($"{incident.Id} always has a commander, so the role cannot be removed; hand it over instead: role commander @USER");
            }

            removed = incident.Roles.FirstOrDefault(r => r.Role == role && string.Equals(r.Person.UserId, userId, StringComparison.Ordinal))?.Person;
            if (removed is null)
            {
                var holders = incident.Roles.Where(r => r.Role == role).Select(r => r.Person.DisplayName).ToList();
                var now = holders.Count == 0 ? "nobody holds it" : "it is held by " + string.Join(", ", holders);
                return Change.Refuse($"{context.Person(userId).DisplayName} is not {name} of {incident.Id}; {now}.");
            }

            return Change.Record(new PendingEvent(new RoleRemoved(role, removed)));
        }, o => CommandContext.Say($"{removed!.DisplayName} is no longer {name} of {o.Incident.Id}."));
    }

    private static async Task<CommandResult> CloseAsync(CommandContext context, ParsedCommand command)
    {
        var force = command["force"];
        var closed = false;
        var result = await context.ChangeAsync(incident =>
        {
            var blocking = new List<string>();
            var containment = incident.UnreversedContainment.Select(c => $"{c.Id} ({c.Action})").ToList();
            if (containment.Count > 0)
            {
                blocking.Add($"containment actions not reversed: {string.Join(", ", containment)} (contain undo ITEM, or contain keep ITEM --reason \"WHY\")");
            }

            var open = PhaseProjection.Of(incident).Where(p => p.Items.Any(i => !i.Done))
                .Select(p => $"{p.Name}: {string.Join("; ", p.Items.Where(i => !i.Done).Select(i => i.Text))}").ToList();
            if (open.Count > 0)
            {
                blocking.Add($"phases with open items: {string.Join(" | ", open)}");
            }

            if (blocking.Count > 0 && force is null)
            {
                return Change.Refuse($"{incident.Id} cannot close: {string.Join("; and ", blocking)}. Finish them, or close anyway and say why: close --force \"WHY\"");
            }

            return Change.Record(new PendingEvent(new IncidentClosed(force is not null), force));
        }, o =>
        {
            closed = true;
            var said = $"{o.Incident.Id} is closed. Its record is now read-only; export md gives the report.";

            // The summary goes to the conversation the incident lives in, so its channel ends with the whole picture.
            return CommandResult.Of(new Reply(new TextView(said)), new Reply(IncidentViews.Summary(o.Incident, said)));
        });

        if (closed && await context.Services.Directory.FindAsync(context.Conversation, context.CancellationToken) is { } id)
        {
            await context.Services.Bindings.UnbindAsync(context.Conversation, id, context.CancellationToken);
            await context.Services.Dialogs.DeleteAsync(context.Conversation, context.CancellationToken);
            if (context.Services.Provisioners.FirstOrDefault(p => p.Supports(context.Actor.Channel)) is { } provisioner
                && await provisioner.IncidentClosedAsync(context.Conversation, id, context.CancellationToken) is { } note)
            {
                return new CommandResult([.. result.Replies, new Reply(new TextView(note))]);
            }
        }

        return result;
    }
}
