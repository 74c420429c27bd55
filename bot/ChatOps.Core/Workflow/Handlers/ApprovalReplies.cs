using System.Globalization;
using System.Text;
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

    public static View View(Incident incident, ApprovalRequest approval, WorkflowServices services)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(services);
        var now = services.Time.GetUtcNow();
        var b = approval.Binding;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{incident.Id} approval {approval.Id}: deploy {b.PatchId} ({b.PatchDescription}) to {string.Join(", ", b.Systems)} in {b.Window}"));
        text.Append('\n').Append(b.TestResult == "waive"
            ? $"Testing waived: {b.WaiverReason}; rollback plan: {b.RollbackPlan}"
            : $"Tested: {b.TestResult}, evidence {b.Evidence}{(b.RollbackPlan is null ? "" : $"; rollback plan: {b.RollbackPlan}")}");
        if (approval.AcknowledgedOpenItems.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nOpen containment acknowledged ({string.Join(", ", approval.AcknowledgedOpenItems)}): {approval.Acknowledgement}");
        }

        if (approval.Emergency is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nEmergency (outside a maintenance window): {approval.Emergency}");
        }

        var status = approval.StatusAt(now);
        text.Append(CultureInfo.InvariantCulture, $"\nStatus: {status.ToString().ToLowerInvariant()} — {approval.ApprovalCount}/{approval.RequiredApprovals} approvals");
        foreach (var vote in approval.Votes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{(vote.Approved ? "Approved" : "Rejected")} by {vote.Approver.DisplayName} at {vote.At:yyyy-MM-dd HH:mm} UTC{(vote.Reason is null ? "" : $": {vote.Reason}")}");
        }

        if (approval.StatusReason is not null && status is not ApprovalStatus.Rejected)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{approval.StatusReason}");
        }

        if (status == ApprovalStatus.Pending)
        {
            var approvers = services.Deployment.Approvers(incident);
            text.Append(approvers.Count == 0
                ? "\nNo approvers yet: the commander names them with role approver @user."
                : $"\nWaiting for {approval.RequiredApprovals - approval.ApprovalCount} more approval(s) from the approvers.");
        }

        return new TextView(text.ToString());
    }
}
