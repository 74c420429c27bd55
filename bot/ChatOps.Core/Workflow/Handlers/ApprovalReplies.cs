using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>The approval card in its current state, as posted and as updated after each decision.</summary>
public static class ApprovalReplies
{
    public static CommandResult Posted(Incident incident, ApprovalRequest approval, WorkflowServices services, ReplyMode mode = ReplyMode.Post)
    {
        ArgumentNullException.ThrowIfNull(services);
        return CommandResult.Of(new Reply(View(incident, approval, services), mode));
    }

    public static ApprovalRequestView View(Incident incident, ApprovalRequest approval, WorkflowServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return View(incident, approval, services.Time.GetUtcNow(), services.Deployment);
    }

    public static ApprovalRequestView View(Incident incident, ApprovalRequest approval, DateTimeOffset now, Policy.DeploymentPolicy deployment)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(deployment);
        var b = approval.Binding;
        var status = approval.StatusAt(now);
        var decided = status is ApprovalStatus.Pending ? null : approval.Votes.LastOrDefault();
        var latest = incident.FindPatch(b.PatchId)?.LatestTest;
        // The test the approval is bound to (a later test voids it, but a decided card still shows what was approved).
        var bound = incident.FindPatch(b.PatchId)?.Tests.LastOrDefault(t => t.Result == b.TestResult && t.Evidence == b.Evidence) ?? latest;
        var test = b.TestResult == "waive" ? null : new TestEvidenceLine(bound?.Environment ?? "staging", b.Evidence, bound?.Note, deployment.IsTrustedEvidence(b.Evidence), CiRunLines.Of(bound?.Run));
        var containment = approval.AcknowledgedOpenItems.Count > 0
            ? $"Open containment acknowledged ({string.Join(", ", approval.AcknowledgedOpenItems)}): {approval.Acknowledgement}"
            : approval.Emergency is not null ? $"Emergency, outside a maintenance window: {approval.Emergency}" : null;
        var reason = status == ApprovalStatus.Expired && approval.StatusReason is null ? "The approval window has ended." : approval.StatusReason;
        return new ApprovalRequestView(approval.Id, incident.Id, incident.Id, b.PatchId, b.PatchDescription, b.Systems,
            new TimeWindowLine(b.Window.Start, b.Window.End, Requested: approval.Emergency is not null), test, b.WaiverReason, b.RollbackPlan,
            ContainmentRow(incident, approval), containment,
            approval.RequiredApprovals, approval.Votes.Where(v => v.Approved).Select(v => new ApprovalSignoffLine(v.Approver.DisplayName, v.At)).ToList(),
            ViewStates.Of(status), reason, decided?.Approver.DisplayName, decided?.At,
            deployment.Approvers(incident).Where(a => a != approval.RequestedBy.UserId).ToList(), approval.Revision);
    }

    /// <summary>What the containment ledger says now: never "acknowledged" when nothing was open.</summary>
    private static string ContainmentRow(Incident incident, ApprovalRequest approval)
    {
        var open = incident.OpenContainment.ToList();
        if (open.Count == 0)
        {
            return incident.Containment.Count == 0 ? "no containment actions recorded" : "✅ all containment done";
        }

        var acknowledged = open.All(c => approval.AcknowledgedOpenItems.Contains(c.Id, StringComparer.OrdinalIgnoreCase)) && approval.Acknowledgement is not null;
        return $"⚠ still open: {string.Join("; ", open.Select(c => $"{c.Id} {c.Action}"))}{(acknowledged ? " (acknowledged in the request)" : " (not acknowledged)")}";
    }
}
