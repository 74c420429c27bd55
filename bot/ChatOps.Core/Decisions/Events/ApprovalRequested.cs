using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A deployment approval was requested; the acknowledgement of open containment items is the record's reason.</summary>
public sealed record ApprovalRequested(string ApprovalId, ApprovalBinding Binding, int RequiredApprovals, string? Emergency, IReadOnlyList<string> AcknowledgedOpenItems) : IncidentEvent
{
    public const string EventKind = "approval.requested";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.Approvals.Add(new ApprovalRequest
        {
            Id = ApprovalId,
            Binding = Binding,
            RequestedBy = Participant.From(record.Actor),
            RequestedAt = record.At,
            RequiredApprovals = RequiredApprovals,
            Emergency = Emergency,
            AcknowledgedOpenItems = AcknowledgedOpenItems,
            Acknowledgement = AcknowledgedOpenItems.Count > 0 ? record.Reason : null,
            Status = ApprovalStatus.Pending,
        });
    }

    public override string Describe() =>
        $"Approval {ApprovalId} requested to deploy {Binding.PatchId} to {string.Join(", ", Binding.Systems)} in {Binding.Window} " +
        $"({RequiredApprovals} approval(s) needed{(Emergency is null ? "" : $", emergency: {Emergency}")}; binding {Binding.Fingerprint})";
}
