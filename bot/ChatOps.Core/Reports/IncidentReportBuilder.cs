using System.Globalization;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Reports;

/// <summary>
/// Builds the incident report from the incident's state and ALL its decision records: a pure function, so the
/// same record always gives the same report. Sections without typed state (approvals, notifications) are built
/// from records by kind prefix, so they show whatever those features record.
/// </summary>
public static class IncidentReportBuilder
{
    public const string ApprovalPrefix = "approval.";
    public const string NoticePrefix = "notice.";

    // Milestones shown in the timeline; every record is in Decisions.
    private static readonly string[] TimelinePrefixes =
        ["incident.", "phase.", "impact.", "containment.changed", "patch.tested", "patch.system-state", ApprovalPrefix, "deployment.", NoticePrefix];

    public static IncidentReport Build(Incident incident, IReadOnlyList<DecisionRecord> records, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(records);
        var entries = records.Select(r => Entry(r, incident)).ToList();
        var audit = LogAudit.Verify(incident, records);
        var monitoring = ReportMonitoring.Build(incident, records);
        return new IncidentReport(
            IncidentReport.CurrentSchemaVersion,
            generatedAt,
            Summary(incident),
            incident.Systems.Select(s => new ReportSystem(s.Name, s.Owner, s.Criticality)).ToList(),
            incident.Vulnerabilities.Select(v => new ReportVulnerability(v.CveId, v.CvssVector, v.BaseScore, v.CvssSeverity, v.Exploited)).ToList(),
            entries.Where(e => TimelinePrefixes.Any(p => e.Kind.StartsWith(p, StringComparison.Ordinal))).ToList(),
            entries,
            entries.Where(e => e.Kind.StartsWith(ApprovalPrefix, StringComparison.Ordinal)).ToList(),
            PhaseProjection.Of(incident).Where(p => p.Items.Count > 0).Select(p => new ReportChecklist(p.Name,
                p.Items.Select(i => new ReportChecklistItem(i.Id, i.Text, i.Done, i.DoneBy, i.DoneAt)).ToList(), p.Progress.ToString().ToLowerInvariant())).ToList(),
            incident.Containment.Select(c => new ReportContainment(c.Id, c.Action, c.Undo, c.Owner, Lower(c.State), c.DoneBy, c.DoneAt, c.ReversedBy, c.ReversedAt, c.KeptReason)).ToList(),
            incident.Patches.Select(p => new ReportPatch(p.Id, p.Description, p.RollbackPlan,
                p.Tests.Select(ReportPatchTest.From).ToList(),
                p.Systems.Select(s => new ReportPatchSystem(s.Key, IncidentViews.Name(s.Value))).ToList())).ToList(),
            entries.Where(e => e.Kind.StartsWith(NoticePrefix, StringComparison.Ordinal)).ToList(),
            new ReportReview(
                incident.ReviewAnswers.Select(a => new ReportReviewAnswer(a.Question, a.Answer, a.By, a.At)).ToList(),
                incident.ActionItems.Select(a => new ReportActionItem(a.Id, a.Owner, a.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Text)).ToList()),
            ReportMetricsCalculator.Compute(incident, records) with { TimeToVerifySeconds = ReportMonitoring.TimeToVerifySeconds(monitoring) },
            new ReportIntegrity(audit.IsIntact, audit.RecordCount, audit.LastHash, audit.Problem),
            monitoring);
    }

    private static ReportSummary Summary(Incident incident) => new(
        incident.Id,
        incident.Title,
        PhaseNames.Of(incident.Severity),
        incident.Priority,
        incident.IsClosed ? "closed" : "active",
        PhaseProjection.Current(incident).Name,
        incident.DeclaredBy,
        incident.DeclaredAt,
        incident.ClosedAt,
        incident.Impact,
        incident.DataExposure,
        incident.Roles.Select(r => new ReportRole(PhaseNames.Of(r.Role), r.Person, r.AssignedAt)).ToList());

    /// <summary>A record as people read it: checklist items by their text, not their ids.</summary>
    private static ReportEntry Entry(DecisionRecord record, Incident incident) =>
        new(record.Sequence, record.At, Participant.From(record.Actor), record.Kind, RecordText.What(record, incident), record.Reason);

    private static string Lower(ContainmentState state) => state.ToString().ToLowerInvariant();
}
