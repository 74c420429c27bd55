using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests.Support;

internal static partial class ViewSamples
{
    private static IEnumerable<(string, View)> Extreme() =>
    [
        ("dialog-form-empty", new DialogFormView("i", "", "checklist:test", "", "", [])),
        ("dialog-form-huge", new DialogFormView("inc-7", Long, "checklist:contain", Long, Long,
            Many("item", 200).Select((id, i) => new FormField("item." + id, Long, (FormFieldKind)(i % 4), i % 4 == 3 ? "true" : Long, ["no", Hostile, "unknown"], Long, i % 2 == 0 ? Long : null)).ToList())),
        ("dialog-question-huge", new DialogQuestionView("inc-7", "review", Long)),
        ("summary-empty", new IncidentSummaryView("i", "", "", SeverityBadge.Sev4, [], [], [], [], null, null)),
        ("summary-huge", new IncidentSummaryView("inc-7", Long, Long, SeverityBadge.Sev2, Phases(6).Select(p => p with { Name = Long }).ToList(),
            Many(Long, 200), Many("role", 30).Select(r => new RoleLine(r + Long, Long)).ToList(),
            Many("person", 200).Select((p, i) => new AcknowledgementLine(p + Hostile, i % 2 == 0, T0)).ToList(), Long, T0)),
        ("checklist-empty", new ChecklistView("i", "", "", 0, [])),
        ("checklist-huge", new ChecklistView("inc-7", Long, Long, long.MaxValue,
            Many("item", 200).Select((id, i) => new ChecklistItemLine(id, Long, Long, i % 2 == 0 ? ChecklistItemMark.Done : ChecklistItemMark.Open, Long, T0)).ToList())),
        ("approval-empty", new ApprovalRequestView("a", "i", "", "", "", [], new TimeWindowLine(T0, T0), null, null, null, "", null, 0, [],
            ApprovalCardStatus.Pending, null, null, null, [], 0)),
        ("approval-huge", Approval() with
        {
            PatchId = Long, PatchDescription = Long, Systems = Many("server" + Hostile, 200), WaiverReason = Long, RollbackPlan = Long,
            Evidence = new TestEvidenceLine(Long, Long, Long), ContainmentNote = Long,
            Approvals = Many("approver" + Hostile, 200).Select(a => new ApprovalSignoffLine(a, T0)).ToList(),
            ApproverUserIds = Many("29:user", 200),
        }),
        ("approval-ci-run-hostile", Approval() with
        {
            Evidence = new TestEvidenceLine(Long, Long, Long, Linkable: false, new CiRunLine(Long, Long, false, Long, Long, false)),
        }),
        ("approval-hostile-expired", Approval(ApprovalCardStatus.Expired) with { StatusReason = Long, DecidedBy = Long }),
        ("approval-voided", Approval(ApprovalCardStatus.Voided) with { StatusReason = "Superseded by apr-4", Evidence = null, WaiverReason = null }),
        ("approval-deployed", Approval(ApprovalCardStatus.Deployed) with { Evidence = null, WaiverReason = "Vendor hotfix, no staging" }),
        ("update-it-huge", Update(NoticeAudience.It) with { Message = Long, Systems = Many("server" + Hostile, 200), PatchDescription = Long, IncidentTitle = Long }),
        ("update-management-huge", Update(NoticeAudience.Management) with
        {
            Message = Long, Impact = Long, Timeline = Many("milestone" + Long, 200).Select(m => new TimelineLine(T0, m)).ToList(),
        }),
        ("update-users-empty", new StatusUpdateView("i", "n", "", "", "", NoticeAudience.Users, "", [], null, null, null, null, [], null, T0)),
        ("containment-empty", new ContainmentLedgerView("", [])),
        ("containment-huge", new ContainmentLedgerView(Long, Many("ca", 200).Select((id, i) =>
            new ContainmentActionLine(id, Long, Long, (ContainmentMark)(i % 4), T0, Long, T0, Long, Long)).ToList())),
        ("patch-matrix-empty", new PatchMatrixView("", [], [])),
        ("patch-matrix-200-systems", new PatchMatrixView("INC-2026-0007", ["KB5034441", "KB5034439", "OPENSSL" + Hostile],
            Many("server" + Hostile, 200).Select((s, i) => new PatchMatrixRow(s,
                [(PatchCellState)(i % 5), (PatchCellState)((i + 1) % 5), (PatchCellState)((i + 2) % 5)])).ToList())),
        ("patch-matrix-many-patches", new PatchMatrixView(Long, Many("KB" + Long, 30),
            Many("server", 200).Select(s => new PatchMatrixRow(s, Enumerable.Repeat(PatchCellState.Failed, 30).ToList())).ToList())),
        ("decision-log-empty", new DecisionLogPageView("i", "", 1, 1, [])),
        ("decision-log-huge", new DecisionLogPageView("inc-7", Long, 5, 9, Many("e", 200).Select(e => new DecisionLogLine(T0, Long, Long, Long, Long)).ToList())),
        ("review-empty", new ReviewSummaryView("", "", [], [], null, [], [], [])),
        ("review-huge", new ReviewSummaryView(Long, Long, Many(Long, 200), Many(Long, 200), Long, Many(Long, 200),
            Many(Long, 200).Select(a => new ReviewActionItemLine(a, Long, T0)).ToList(), Many(Long, 200))),
        ("help-empty", new HelpView([])),
        ("help-huge", new HelpView(Many("cmd" + Long, 200).Select(c => new CommandHelpLine(c, Long, Long, [Long])).ToList())),
        ("help-detail-huge", new HelpView([], new CommandHelpLine(Long, Long, Long, Many(Long, 200)))),
        ("error-hostile", new ErrorView(Long, Long)),
        ("text-empty", new TextView("")),
        ("alert-hostile", new AlertCardView(Long, Long, Long, Long + Hostile, Long, Hostile, Long, Long, T0, TimeSpan.FromHours(30), int.MaxValue, AlertCardStatus.RolledBack, T0, Long, Long)),
        ("alert-hostile-firing", new AlertCardView(Hostile, Hostile, Hostile, Hostile, Hostile, Hostile, Hostile, null, T0, null, 1, AlertCardStatus.Firing, null, null, null)),
        ("text-hostile-long", new TextView(Long)),
        ("welcome-hostile", new WelcomeView(Hostile, Long)),
    ];
}
