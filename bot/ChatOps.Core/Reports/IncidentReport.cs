namespace ChatOps.Core.Reports;

/// <summary>
/// The incident report: everything an auditor needs, built from the incident's state and its decision records
/// by <see cref="IncidentReportBuilder"/>. Its JSON form is versioned (<see cref="SchemaVersion"/>) and described
/// by docs/report.schema.json; add fields in a minor version, change or remove them only in a major one.
/// </summary>
public sealed record IncidentReport(
    string SchemaVersion,
    DateTimeOffset GeneratedAt,
    ReportSummary Incident,
    IReadOnlyList<ReportSystem> Systems,
    IReadOnlyList<ReportVulnerability> Vulnerabilities,
    IReadOnlyList<ReportEntry> Timeline,
    IReadOnlyList<ReportEntry> Decisions,
    IReadOnlyList<ReportEntry> Approvals,
    IReadOnlyList<ReportChecklist> Checklists,
    IReadOnlyList<ReportContainment> Containment,
    IReadOnlyList<ReportPatch> Patches,
    IReadOnlyList<ReportEntry> Notifications,
    ReportReview Review,
    ReportMetrics Metrics,
    ReportIntegrity Integrity,
    IReadOnlyList<ReportMonitoredSystem> Monitoring)
{
    public const string CurrentSchemaVersion = "1.3";
}
