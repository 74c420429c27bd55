using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Domain states as the cards show them, one explicit arm per state (no numeric casts): a state added to the domain
/// fails here until a view says how it looks.
/// </summary>
public static class ViewStates
{
    public static ApprovalCardStatus Of(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => ApprovalCardStatus.Pending,
        ApprovalStatus.Approved => ApprovalCardStatus.Approved,
        ApprovalStatus.Rejected => ApprovalCardStatus.Rejected,
        ApprovalStatus.Voided => ApprovalCardStatus.Voided,
        ApprovalStatus.Expired => ApprovalCardStatus.Expired,
        ApprovalStatus.Deployed => ApprovalCardStatus.Deployed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "An approval status without a card status."),
    };

    public static AlertCardStatus Of(AlertState state) => state switch
    {
        AlertState.Firing => AlertCardStatus.Firing,
        AlertState.Resolved => AlertCardStatus.Resolved,
        AlertState.Kept => AlertCardStatus.Kept,
        AlertState.RolledBack => AlertCardStatus.RolledBack,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "An alert state without a card status."),
    };

    public static SeverityBadge Of(Severity severity) => severity switch
    {
        Severity.Sev1 => SeverityBadge.Sev1,
        Severity.Sev2 => SeverityBadge.Sev2,
        Severity.Sev3 => SeverityBadge.Sev3,
        Severity.Sev4 => SeverityBadge.Sev4,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "A severity without a badge."),
    };

    public static ContainmentMark Of(ContainmentState state) => state switch
    {
        ContainmentState.Open => ContainmentMark.Open,
        ContainmentState.Done => ContainmentMark.Done,
        ContainmentState.Reversed => ContainmentMark.Reversed,
        ContainmentState.Kept => ContainmentMark.Kept,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A containment state without a mark."),
    };

    public static PatchCellState Of(SystemPatchState state) => state switch
    {
        SystemPatchState.Pending => PatchCellState.Pending,
        SystemPatchState.Patched => PatchCellState.Patched,
        SystemPatchState.Verified => PatchCellState.Verified,
        SystemPatchState.Failed => PatchCellState.Failed,
        SystemPatchState.RolledBack => PatchCellState.RolledBack,
        SystemPatchState.Deploying => PatchCellState.Deploying,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A patch state without a cell."),
    };
}
