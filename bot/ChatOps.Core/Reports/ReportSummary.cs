using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>Who declared what, when, how severe, and where it stands.</summary>
public sealed record ReportSummary(
    string Id,
    string Title,
    string Severity,
    string? Priority,
    string Status,
    string Phase,
    Participant DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ClosedAt,
    string? Impact,
    string? DataExposure,
    IReadOnlyList<ReportRole> Roles);
