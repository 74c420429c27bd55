using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// <c>alert keep ALERT-ID --reason "WHY"</c> and <c>alert rollback ALERT-ID --reason "WHY"</c>, and the alert card's Keep and
/// Roll back buttons (the same decisions): keep records why the deployment stays despite the alert; roll back is
/// <c>deploy rollback</c> of the alert's patch, which also answers every alert still firing on it.
/// </summary>
public sealed class AlertHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("alert keep", "alert rollback");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        return DecideAsync(context, command.Required("alert-id"), rollback: command.Name == "alert rollback", command["reason"]);
    }

    /// <summary>A Keep or Roll back click; the card's data names the alert, the reason is the card's input (Keep).</summary>
    public static Task<CommandResult> ClickAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Get(CardDataKeys.AlertId) is not { } alertId
            ? Task.FromResult(CommandContext.Error("This alert button carries no alert."))
            : DecideAsync(context, alertId, rollback: action.Verb == CardVerbs.AlertRollback, action.Get(CardDataKeys.Reason));
    }

    /// <summary>Slack's Keep button: the alert's card as a form, which Slack opens as the keep modal asking for the reason.</summary>
    public static async Task<CommandResult> PromptAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var found = await context.FindIncidentAsync();
        return found?.Incident.FindAlert(action.Get(CardDataKeys.AlertId) ?? "") is not { IsFiring: true } alert
            ? CommandContext.Error("This alert is no longer firing; there is nothing to keep.")
            : CommandResult.Of(new Reply(Alerts.AlertCards.View(found.Incident, alert, 1), ReplyMode.Form));
    }

    private static Task<CommandResult> DecideAsync(CommandContext context, string alertId, bool rollback, string? reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A roll back is deploy rollback: whoever Policy:Authority lets roll back, on top of this command's own row.
        return context.ChangeAsync(incident => (rollback ? AuthorityGate.Refused(context, incident, "deploy rollback") : null)
            ?? Decide(incident, alertId, rollback, reason), o =>
        {
            var alert = o.Incident.FindAlert(alertId)!;
            return CommandContext.Say(rollback
                ? $"{o.Incident.Id}: {alert.PatchId} rolled back because of alert {alert.Id} ({alert.Name} on {alert.System})."
                : $"{o.Incident.Id}: alert {alert.Id} ({alert.Name} on {alert.System}) kept; {alert.System} can be verified: deploy verify {alert.PatchId} {alert.System} ok");
        });
    }

    private static Change Decide(Incident incident, string alertId, bool rollback, string? reason)
    {
        var alert = incident.FindAlert(alertId);
        if (alert is null)
        {
            var known = incident.Alerts.Count == 0 ? "no alert has fired" : "known: " + string.Join(", ", incident.Alerts.Select(a => a.Id));
            return Change.Refuse($"There is no alert {alertId} in {incident.Id} ({known}).");
        }

        if (string.IsNullOrWhiteSpace(reason) && !rollback)
        {
            return Change.Refuse($"Keeping the deployment despite alert {alert.Id} needs a reason: alert keep {alert.Id} --reason \"WHY\"");
        }

        if (rollback)
        {
            // The alert is the reason when the button gave none; the same refusals as deploy rollback apply.
            return alert.State is AlertState.Firing or AlertState.Kept
                ? DeployHandler.Rollback(incident, alert.PatchId, string.IsNullOrWhiteSpace(reason) ? $"alert {alert.Id}: {alert.Name} on {alert.System}" : reason!)
                : Change.Refuse($"Alert {alert.Id} is {Name(alert.State)}; only a firing or kept alert can be answered with a roll back (deploy rollback {alert.PatchId} --reason \"WHY\" still works).");
        }

        return alert.State == AlertState.Firing
            ? Change.Record(new PendingEvent(new AlertChanged(alert.Id, AlertState.Kept), reason!.Trim()))
            : Change.Refuse($"Alert {alert.Id} is {Name(alert.State)}; only a firing alert can be kept.");
    }

    private static string Name(AlertState state) => state == AlertState.RolledBack ? "rolled back" : state.ToString().ToLowerInvariant();
}
