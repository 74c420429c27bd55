using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>deploy request|start|verify|rollback</c>: deployments gated on evidence-bound approvals.</summary>
public sealed class DeployHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("deploy request", "deploy start", "deploy verify", "deploy rollback");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var patchId = command.Required("patch-id");
        return command.Name switch
        {
            "deploy request" => context.ChangeAsync(i => Request(context, i, patchId, command), o => ApprovalReplies.Posted(o.Incident, o.Incident.LatestApproval(patchId)!, context.Services)),
            "deploy start" => context.ChangeAsync(i => Start(i, patchId, context.Now, "chat"), o => CommandContext.Say(Started(o.Incident, patchId))),
            "deploy verify" => context.ChangeAsync(i => Verify(i, patchId, command.Required("system"), command.Required("result") == "ok"),
                o => CommandResult.Of(new Reply(IncidentViews.PatchMatrix(o.Incident)))),
            "deploy rollback" => context.ChangeAsync(i => Rollback(i, patchId, command.Required("reason")), o => CommandResult.Of(new Reply(IncidentViews.PatchMatrix(o.Incident)))),
            _ => throw Unhandled.Command(command),
        };
    }

    internal static Change Request(CommandContext context, Incident incident, string patchId, ParsedCommand command)
    {
        var patch = incident.FindPatch(patchId);
        if (patch is null)
        {
            return Change.Refuse($"There is no patch {patchId} in {incident.Id}. Add it with: patch add {patchId} \"DESCRIPTION\" --systems a,b");
        }

        if (incident.LatestApproval(patch.Id) is { } open && open.StatusAt(context.Now) is ApprovalStatus.Pending or ApprovalStatus.Approved)
        {
            return Change.Refuse($"{open.Id} for {patch.Id} is already {open.Status.ToString().ToLowerInvariant()}; it must be decided, voided or expire first.");
        }

        if (!patch.HasDeployableEvidence)
        {
            var test = patch.LatestTest;
            var why = test switch
            {
                null => "it has not been tested",
                { Passed: true } => "the passing test has no evidence link (test PATCH-ID pass --evidence URL)",
                { Waived: true } when patch.RollbackPlan is null => "testing was waived but the patch has no rollback plan",
                { Waived: true } => "the waiver has no reason",
                _ => "its latest test failed",
            };
            return Change.Refuse($"{patch.Id} cannot be requested for deployment: {why}. A request needs a passing test with evidence, or a waiver with a reason and a rollback plan.");
        }

        var openItems = incident.OpenContainment.Select(c => c.Id).ToList();
        var ack = command["ack"];
        if (openItems.Count > 0 && ack is null)
        {
            return Change.Refuse($"Containment actions {string.Join(", ", openItems)} are still open. Request again with --ack \"WHY DEPLOYING NOW IS ACCEPTABLE\".");
        }

        MaintenanceWindow.TryParse(command["window"] ?? "", context.Now, out var requested, out _);
        var (window, inside) = context.Services.Deployment.ResolveWindow(requested, context.Now);
        var emergency = command["emergency"];
        if (!inside && emergency is null)
        {
            return Change.Refuse(OutsideMaintenance(context.Services.Deployment.HasMaintenanceWindows, window));
        }

        window ??= new MaintenanceWindow(context.Now, Policy.DeploymentPolicy.EmergencyWindow);
        if (window.End <= context.Now)
        {
            return Change.Refuse($"The window {window} has already ended.");
        }

        var id = "A" + (incident.Approvals.Count + 1).ToString(CultureInfo.InvariantCulture);
        var required = context.Services.Deployment.RequiredApprovals(inside);
        var evt = new ApprovalRequested(id, ApprovalBinding.Of(patch, window), required, inside ? null : emergency, openItems.Count > 0 ? openItems : []);
        return Change.Record(new PendingEvent(evt, openItems.Count > 0 ? ack : null));
    }

    private static string OutsideMaintenance(bool configured, MaintenanceWindow? window)
    {
        var why = !configured
            ? $"No maintenance windows are configured (Policy:MaintenanceWindows), so {(window is null ? "any window" : window.ToString())} is a requested window, not a maintenance window."
            : window is null ? "No window was given and no maintenance window is coming up." : $"{window} is not inside a configured maintenance window.";
        return $"{why} Deploying outside a maintenance window is an emergency: add --emergency \"JUSTIFICATION\" (it needs one more approval)" +
            (configured ? ", or give a --window inside a maintenance window." : ".");
    }

    /// <summary>Starts a deployment: only on an approval that still holds, inside its window.</summary>
    internal static Change Start(Incident incident, string patchId, DateTimeOffset now, string source)
    {
        var approval = incident.LatestApproval(patchId);
        var status = approval?.StatusAt(now);
        if (approval is null || status != ApprovalStatus.Approved)
        {
            var state = approval is null ? "has no approval request" : $"approval {approval.Id} is {status.ToString()!.ToLowerInvariant()}{(approval.StatusReason is null ? "" : $" ({approval.StatusReason})")}";
            return Change.Refuse($"{patchId} cannot be deployed: it {state}.");
        }

        if (!approval.Binding.Window.Contains(now))
        {
            return Change.Refuse($"{approval.PatchId} is approved for {approval.Binding.Window}; that window has not opened yet.");
        }

        return Change.Record(new PendingEvent(new DeploymentStarted(approval.PatchId, approval.Id, source)));
    }

    internal static Change Verify(Incident incident, string patchId, string system, bool ok)
    {
        var patch = incident.FindPatch(patchId);
        if (patch is null || !patch.Systems.TryGetValue(system, out var state))
        {
            return Change.Refuse(patch is null ? $"There is no patch {patchId}." : $"{system} is not a system of {patch.Id} ({string.Join(", ", patch.Systems.Keys)}).");
        }

        if (state is not (SystemPatchState.Deploying or SystemPatchState.Patched or SystemPatchState.Failed))
        {
            return Change.Refuse($"{system} is {IncidentViews.Name(state)} for {patch.Id}; only a system being deployed (deploy start {patch.Id}) can be verified.");
        }

        var name = patch.Systems.Keys.First(k => string.Equals(k, system, StringComparison.OrdinalIgnoreCase));
        if (ok && Alerts.AlertRefusal.ForVerify(incident, patch.Id, name) is { } held)
        {
            return Change.Refuse(held);
        }

        return Change.Record(new PendingEvent(new SystemPatchStateChanged(patch.Id, [name], ok ? SystemPatchState.Patched : SystemPatchState.Failed)));
    }

    internal static Change Rollback(Incident incident, string patchId, string reason)
    {
        var patch = incident.FindPatch(patchId);
        var deployed = patch?.Systems.Where(s => s.Value is SystemPatchState.Deploying or SystemPatchState.Patched or SystemPatchState.Failed).Select(s => s.Key).ToList();
        if (patch is null || deployed!.Count == 0)
        {
            return Change.Refuse(patch is null ? $"There is no patch {patchId}." : $"{patch.Id} is not deployed anywhere; there is nothing to roll back.");
        }

        // Alerts still firing (or kept) on the patch are answered by the roll back, so they stop holding anything.
        var answered = incident.Alerts.Where(a => a.State is AlertState.Firing or AlertState.Kept && string.Equals(a.PatchId, patch.Id, StringComparison.OrdinalIgnoreCase))
            .Select(a => new PendingEvent(new AlertChanged(a.Id, AlertState.RolledBack), reason));
        return new Change([new PendingEvent(new SystemPatchStateChanged(patch.Id, deployed, SystemPatchState.RolledBack), reason), .. answered], []);
    }

    private static string Started(Incident incident, string patchId)
    {
        var patch = incident.FindPatch(patchId)!;
        var deploying = patch.Systems.Where(s => s.Value == SystemPatchState.Deploying).Select(s => s.Key).ToList();
        return $"{incident.Id}: deployment of {patch.Id} started; deploying on {string.Join(", ", deploying)}. Each system counts as patched once verified: deploy verify {patch.Id} SYSTEM ok|failed";
    }
}
