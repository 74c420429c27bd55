using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow.Handlers;

namespace ChatOps.Core.Workflow;

/// <summary>
/// A command that voided or expired an approval (a typed <c>test … fail</c>, a changed patch or window, or any change
/// after the window ended) also updates the approval card where it was posted, so nobody approves a dead request.
/// </summary>
internal static class VoidedCards
{
    public static CommandResult Append(CommandResult result, IncidentOutcome outcome, WorkflowServices services)
    {
        if (outcome.Incident is not { } incident)
        {
            return result;
        }

        var voided = outcome.Recorded
            .Where(r => r.Kind == ApprovalVoided.EventKind)
            .Select(r => EventSerializer.Deserialize(r.Kind, r.Payload))
            .OfType<ApprovalVoided>()
            .Select(v => incident.FindApproval(v.ApprovalId))
            .OfType<ApprovalRequest>()
            .DistinctBy(a => a.Id)
            .Select(a => new Reply(ApprovalReplies.View(incident, a, services), ReplyMode.UpdatePosted))
            .ToList();
        return voided.Count == 0 ? result : new CommandResult([.. result.Replies, .. voided]);
    }
}
