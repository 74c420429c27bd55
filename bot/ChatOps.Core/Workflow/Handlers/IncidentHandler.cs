using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>status</c>, <c>phase</c>, <c>role</c>, <c>decision</c> and <c>close</c>.</summary>
public sealed class IncidentHandler(DialogHandler dialogs, Notifications.IDeliveryStore deliveries) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["status", "phase", "role", "decision", "close"];

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Name switch
        {
            "status" => StatusAsync(context, deliveries),
            "phase" => PhaseAsync(context, command, dialogs),
            "role" => RoleAsync(context, command),
            "decision" => context.ChangeAsync(
                _ => Change.Record(new PendingEvent(new DecisionNoted(command.Required("what")), command["because"])),
                o => CommandContext.Say($"Decision recorded in {o.Incident!.Id}: {command.Required("what")}")),
            _ => CloseAsync(context, command),
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

        var people = (await deliveries.ListAsync(incident.TenantId, incident.Id, notice.Id, context.CancellationToken))
            .Where(d => d.Recipient.Kind == Notifications.RecipientKind.User && d.Audience != "channel")
            .Select(d => d.Recipient.Id).Distinct(StringComparer.Ordinal);
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
            var dialog = await dialogs.StartAsync(context, o.Incident!, target == Phase.Assess ? "assess" : "checklist:" + PhaseNames.Of(target));
            return new CommandResult([new Reply(IncidentViews.Checklist(o.Incident!, target)), .. dialog.Replies]);
        });
    }

    private static Task<CommandResult> RoleAsync(CommandContext context, ParsedCommand command)
    {
        PhaseNames.TryParse(command.Required("role"), out IncidentRole role);
        var person = context.Person(command.Required("user"));
        return context.ChangeAsync(incident => incident.IsCommander(context.Actor)
                ? Change.Record(new PendingEvent(new RoleAssigned(role, person)))
                : Change.Refuse($"Only the commander ({(incident.Holder(IncidentRole.Commander) ?? incident.DeclaredBy).DisplayName}) can change roles."),
            o => CommandContext.Say($"{person.DisplayName} is now {PhaseNames.Of(role)} of {o.Incident!.Id}."));
    }

    private static async Task<CommandResult> CloseAsync(CommandContext context, ParsedCommand command)
    {
        var force = command["force"];
        var closed = false;
        var result = await context.ChangeAsync(incident =>
        {
            var blocking = incident.UnreversedContainment.Select(c => $"{c.Id} ({c.Action})").ToList();
            if (blocking.Count > 0 && force is null)
            {
                return Change.Refuse(
                    $"{incident.Id} cannot close: containment actions not reversed: {string.Join(", ", blocking)}. Reverse them (contain undo <item>), keep them with a reason (contain keep <item> --reason \"<why>\"), or close --force \"<why>\".");
            }

            return Change.Record(new PendingEvent(new IncidentClosed(force is not null), force));
        }, o =>
        {
            closed = true;
            var said = $"{o.Incident!.Id} is closed. Its record is now read-only; export md gives the report.";

            // The summary goes to the conversation the incident lives in, so its channel ends with the whole picture.
            return CommandResult.Of(new Reply(new TextView(said)), new Reply(IncidentViews.Summary(o.Incident, said)));
        });

        if (closed && await context.Services.Directory.FindAsync(context.Conversation, context.CancellationToken) is { } id)
        {
            await context.Services.Directory.UnbindAsync(context.Conversation, id, context.CancellationToken);
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
