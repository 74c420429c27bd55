namespace ChatOps.Core.Incidents;

/// <summary>A request to deploy one patch, bound to what was true when it was made, and the approvers' decisions.</summary>
public sealed class ApprovalRequest
{
    public required string Id { get; init; }

    public required ApprovalBinding Binding { get; init; }

    public required Participant RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public int RequiredApprovals { get; init; }

    /// <summary>Justification when the deployment is outside a maintenance window (one more approval needed).</summary>
    public string? Emergency { get; init; }

    /// <summary>Containment items open at request time, acknowledged with a reason.</summary>
    public IReadOnlyList<string> AcknowledgedOpenItems { get; init; } = [];

    public string? Acknowledgement { get; init; }

    public List<ApprovalVote> Votes { get; init; } = [];

    public ApprovalStatus Status { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>Bumped on every change, so a click on an older card is recognised as stale.</summary>
    public int Revision { get; set; } = 1;

    public string PatchId => Binding.PatchId;

    public int ApprovalCount => Votes.Count(v => v.Approved);

    public bool IsOpen => Status is ApprovalStatus.Pending or ApprovalStatus.Approved;

    /// <summary>The status as of <paramref name="now"/>: an approval whose window has ended counts as expired.</summary>
    public ApprovalStatus StatusAt(DateTimeOffset now) =>
        IsOpen && now >= Binding.Window.End ? ApprovalStatus.Expired : Status;
}
