namespace ChatOps.Core.Reports;

/// <summary>
/// Durations in whole seconds from the declaration, null when the milestone was not reached. Contain: the first
/// containment action done or leaving the Contain phase, whichever is first. Approve: the first approving vote.
/// Patch: the first system verified after deployment. Close: the close. Since 1.3, verify: NOT from the declaration but from
/// the first deployment's start to the first system verified patched after it (see <see cref="ReportMonitoring"/>).
/// </summary>
public sealed record ReportMetrics(long? TimeToContainSeconds, long? TimeToApproveSeconds, long? TimeToPatchSeconds, long? TimeToCloseSeconds)
{
    public long? TimeToVerifySeconds { get; init; }
}
