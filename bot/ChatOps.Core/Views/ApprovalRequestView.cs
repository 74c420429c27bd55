namespace ChatOps.Core.Views;

/// <summary>
/// A request to approve a patch deployment. Either <paramref name="Evidence"/> or <paramref name="WaiverReason"/>
/// (with <paramref name="RollbackPlan"/>) says why it is safe. <paramref name="ApproverUserIds"/> are channel user
/// ids (Teams MRIs <c>29:…</c>): on Teams only they get the buttons (card <c>refresh.userIds</c>).
/// <paramref name="DecidedBy"/>/<paramref name="DecidedAt"/> say who closed the request (approved, rejected…) and when.
/// <paramref name="Containment"/> is the containment row as the record shows it now (all done, none recorded, or the open
/// actions by their text and whether the request acknowledged them).
/// </summary>
public sealed record ApprovalRequestView(
    string ApprovalId,
    string IncidentId,
    string IncidentNumber,
    string PatchId,
    string PatchDescription,
    IReadOnlyList<string> Systems,
    TimeWindowLine Window,
    TestEvidenceLine? Evidence,
    string? WaiverReason,
    string? RollbackPlan,
    string Containment,
    string? ContainmentNote,
    int RequiredApprovals,
    IReadOnlyList<ApprovalSignoffLine> Approvals,
    ApprovalCardStatus Status,
    string? StatusReason,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<string> ApproverUserIds,
    long Version) : View
{
    public override string FallbackText =>
        $"{IncidentNumber} approval {ApprovalId} for {PatchId} on {Systems.Count} system(s): " +
        $"{Status.ToString().ToLowerInvariant()} ({Approvals.Count}/{RequiredApprovals} approvals)";
}
