using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Approve / Reject clicks. The actor is the authenticated user; the card only names the approval and the revision
/// it showed. Every click is recorded: a decision, or a refused attempt with the reason.
/// </summary>
public static class ApprovalActions
{
    public static Task<CommandResult> DecideAsync(CommandContext context, CardAction action, bool approve)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var shownRevision = int.TryParse(action.Get(CardDataKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
        return DecideAsync(context, action.Get(CardDataKeys.ApprovalId) ?? "", shownRevision, approve, action.Get(CardDataKeys.Reason)?.Trim(), ReplyMode.UpdateCard);
    }

    /// <summary>
    /// The one path for a decision, clicked or typed (<c>approve A1</c>, <c>reject A1 "why"</c>): the same rules, the same
    /// records. A typed command saw no card, so it has no revision to be stale against (<paramref name="shownRevision"/> null).
    /// </summary>
    public static async Task<CommandResult> DecideAsync(CommandContext context, string approvalId, int? shownRevision, bool approve, string? reason, ReplyMode mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verb = approve ? "approve" : "reject";
        var decided = false;
        var result = await context.ChangeAsync(incident =>
        {
            var approval = incident.FindApproval(approvalId);
            if (approval is null)
            {
                var open = incident.Approvals.Where(a => a.StatusAt(context.Now) == ApprovalStatus.Pending).Select(a => a.Id).ToList();
                var known = open.Count == 0 ? "none is waiting for a decision" : "waiting: " + string.Join(", ", open);
                return Change.Refuse($"There is no approval request {approvalId} in {incident.Id} ({known}).");
            }

            var refusal = Refusal(context, incident, approval, shownRevision ?? approval.Revision, approve, reason);
            return refusal is null
                ? Change.Record(new PendingEvent(new ApprovalVoted(approval.Id, approve), reason))
                : new Change([new PendingEvent(new ApprovalAttemptRefused(approval.Id, verb), refusal)], [], refusal);
        }, o =>
        {
            decided = true;
            return ApprovalReplies.Posted(o.Incident, o.Incident.FindApproval(approvalId)!, context.Services, mode);
        });

        // Counted once per click, after storage answered (the decision above may run twice after a write conflict).
        var outcome = decided ? (approve ? "approved" : "rejected") : "refused";
        Diagnostics.ChatOpsDiagnostics.Approvals.Add(1, new KeyValuePair<string, object?>("chatops.outcome", outcome));
        return result;
    }

    /// <summary>The card for the person looking at it (Teams <c>refresh</c>): nothing is recorded.</summary>
    public static async Task<CommandResult> RefreshAsync(CommandContext context, CardAction action, ReplyMode mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var snapshot = await context.FindIncidentAsync();
        var approval = snapshot?.Incident.FindApproval(action.Get(CardDataKeys.ApprovalId) ?? "");
        return approval is null
            ? CommandContext.Error("That approval request no longer exists.")
            : ApprovalReplies.Posted(snapshot!.Incident, approval, context.Services, mode);
    }

    private static string? Refusal(CommandContext context, Incident incident, ApprovalRequest approval, int shownRevision, bool approve, string? reason)
    {
        var status = approval.StatusAt(context.Now);
        if (status != ApprovalStatus.Pending)
        {
            var decided = approval.Votes.LastOrDefault();
            var by = decided is null ? "" : $" (last decision by {decided.Approver.DisplayName} at {decided.At:HH:mm} UTC)";
            return $"{approval.Id} is already {status.ToString().ToLowerInvariant()}{by}; nothing was changed.";
        }

        // The authority matrix, asked here rather than by the dispatcher, so the refused click is recorded on the approval.
        if (context.Services.Authority.Refusal(incident, context.Actor, approve ? "approve" : "reject") is { } notAllowed)
        {
            return notAllowed;
        }

        if (string.Equals(approval.RequestedBy.UserId, context.Actor.UserId, StringComparison.Ordinal))
        {
            return $"You requested {approval.Id}; someone else must approve or reject it.";
        }

        if (approval.Votes.Any(v => string.Equals(v.Approver.UserId, context.Actor.UserId, StringComparison.Ordinal)))
        {
            return $"You already decided on {approval.Id}; each approver counts once.";
        }

        if (shownRevision != approval.Revision)
        {
            return $"That card is out of date ({approval.Id} changed since it was shown); look at the current card and click again.";
        }

        return !approve && string.IsNullOrWhiteSpace(reason) ? $"A rejection needs a reason; type it in the Reject form, or: reject {approval.Id} \"WHY\"" : null;
    }
}
