using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>An approval stopped holding: what it was bound to changed (voided) or its window ended (expired). The reason says which.</summary>
public sealed record ApprovalVoided(string ApprovalId, ApprovalStatus Status) : IncidentEvent
{
    public const string EventKind = "approval.voided";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var approval = incident.FindApproval(ApprovalId) ?? throw new InvalidOperationException($"No approval {ApprovalId}.");
        approval.Status = Status;
        approval.StatusReason = record.Reason;
        approval.Revision++;
    }

    public override string Describe() => $"Approval {ApprovalId} {(Status == ApprovalStatus.Expired ? "expired" : "voided")}";
}
