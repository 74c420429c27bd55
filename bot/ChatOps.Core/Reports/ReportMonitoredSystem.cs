namespace ChatOps.Core.Reports;

/// <summary>
/// Since 1.2: one deployed system of a patch during its watch (issue 20): when its deployment started, when it was
/// verified patched, the time between, and the alerts on it (fired, and how they ended: resolved, kept, rolled back).
/// </summary>
public sealed record ReportMonitoredSystem(
    string Patch,
    string System,
    DateTimeOffset DeployedAt,
    DateTimeOffset? VerifiedAt,
    long? DeployToVerifySeconds,
    int AlertsFired,
    int AlertsResolved,
    int AlertsKept,
    int AlertsRolledBack);
