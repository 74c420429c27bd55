using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>An approver approved or rejected (a rejection's reason is the record's reason).</summary>
public sealed record ApprovalVoted(string ApprovalId, bool Approved) : IncidentEvent
{
    public const string EventKind = "approval.voted";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var approval = incident.FindApproval(ApprovalId) ?? throw new InvalidOperationException($"No approval {ApprovalId}.");
        approval.Votes.Add(new ApprovalVote(Participant.From(record.Actor), Approved, record.At, record.Reason));
        approval.Revision++;
        if (!Approved)
        {
            approval.Status = ApprovalStatus.Rejected;
            approval.StatusReason = record.Reason;
        }
        else if (approval.ApprovalCount >= approval.RequiredApprovals)
        {
            approval.Status = ApprovalStatus.Approved;
        }
    }

    public override string Describe() => $"{(Approved ? "Approved" : "Rejected")} {ApprovalId}";
}
