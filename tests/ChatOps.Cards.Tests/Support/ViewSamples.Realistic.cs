using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests.Support;

internal static partial class ViewSamples
{
    public static readonly IReadOnlyList<string> Approvers = ["29:1approver-alice", "29:1approver-bob"];

    public static IReadOnlyList<PhaseStepLine> Phases(int current) =>
        new[] { "Assess", "Contain", "Test", "Implement", "Communicate", "Document", "Review" }
            .Select((p, i) => new PhaseStepLine(p, i < current ? PhaseProgress.Done : i == current ? PhaseProgress.Current : PhaseProgress.Next))
            .ToList();

    public static IncidentSummaryView Summary() => new(
        "inc-7", "INC-2026-0007", "OpenSSL CVE-2026-1234 on edge proxies", SeverityBadge.Sev1, Phases(2),
        ["Block outbound 4443 on dmz-fw-01", "Confirm backups of proxy configs"],
        [new("Commander", "Alice Ng"), new("Approver", "Bob Ortiz"), new("Comms", "Chen Li"), new("Scribe", null)],
        [new("Dana Cole", true, T0.AddMinutes(-20)), new("Eve Park", false)],
        "Patch validated in staging; production window tonight.", T0);

    public static ChecklistView Checklist() => new("inc-7", "INC-2026-0007", "Contain", 12,
    [
        new("c-1", "Isolate edge-proxy-03 from the load balancer", "Alice Ng", ChecklistItemMark.Done, "Alice Ng", T0.AddMinutes(-45)),
        new("c-2", "Block outbound 4443 on dmz-fw-01", "Bob Ortiz", ChecklistItemMark.Open),
        new("c-3", "Rotate proxy TLS keys", null, ChecklistItemMark.Open),
    ]);

    public static ApprovalRequestView Approval(ApprovalCardStatus status = ApprovalCardStatus.Pending) => new(
        "apr-3", "inc-7", "INC-2026-0007", "OPENSSL-3.0.15", "Upgrade OpenSSL to 3.0.15 on the edge proxies",
        ["edge-proxy-01", "edge-proxy-02", "edge-proxy-03"],
        new TimeWindowLine(T0.AddHours(1), T0.AddHours(2).AddMinutes(30)),
        new TestEvidenceLine("staging", "https://ci.example.com/runs/4411", "Smoke and TLS handshake tests passed", Linkable: true),
        null, "Reinstall openssl 3.0.13 package from the local mirror and restart nginx",
        "✅ all containment done", null, 2,
        status == ApprovalCardStatus.Pending ? [new("Alice Ng", T0.AddMinutes(-5))] : [new("Alice Ng", T0.AddMinutes(-5)), new("Bob Ortiz", T0)],
        status,
        status == ApprovalCardStatus.Rejected ? "Rollback plan untested" : null,
        status == ApprovalCardStatus.Pending ? null : "Bob Ortiz",
        status == ApprovalCardStatus.Pending ? null : T0,
        Approvers, 12);

    public static StatusUpdateView Update(NoticeAudience audience) => new(
        "inc-7", "ntc-2", "INC-2026-0007", "OpenSSL CVE-2026-1234 on edge proxies", "Implement", audience,
        "We are patching the edge proxies tonight.",
        ["edge-proxy-01", "edge-proxy-02"], "OPENSSL-3.0.15", "OpenSSL 3.0.15",
        new TimeWindowLine(T0.AddHours(1), T0.AddHours(2)),
        "Customer portal may be slow for up to 10 minutes.",
        [new(T0.AddHours(-3), "Incident declared"), new(T0.AddHours(1), "Patch window opens")],
        "You may need to sign in to the portal again after 23:00 UTC.", T0);

    public static ContainmentLedgerView Ledger() => new("INC-2026-0007",
    [
        new("ca-1", "Isolate edge-proxy-03", "Alice Ng", ContainmentMark.Reversed, T0.AddHours(-2), "Re-add to pool web-edge", T0, "Bob Ortiz", null),
        new("ca-2", "Block outbound 4443", "Bob Ortiz", ContainmentMark.Kept, T0.AddHours(-2), "Remove rule 17 on dmz-fw-01", null, null, "Port is unused; keep closed"),
        new("ca-3", "Disable legacy TLS 1.0", null, ContainmentMark.Open, null, null, null, null, null),
    ]);

    public static PatchMatrixView Matrix() => new("INC-2026-0007", ["OPENSSL-3.0.15", "NGINX-1.27.3"],
    [
        new("edge-proxy-01", [PatchCellState.Patched, PatchCellState.Deploying]),
        new("edge-proxy-02", [PatchCellState.Failed, PatchCellState.Pending]),
        new("edge-proxy-03", [PatchCellState.RolledBack, PatchCellState.Pending]),
    ]);

    public static DecisionLogPageView Log() => new("inc-7", "INC-2026-0007", 2, 3,
    [
        new(T0.AddHours(-1), "Alice Ng", "approval", "Approved OPENSSL-3.0.15", null),
        new(T0, "Bob Ortiz", "waiver", "Waived load test", "Vendor advisory marks exploitation in the wild"),
    ]);

    public static ReviewSummaryView Review() => new("INC-2026-0007", "OpenSSL CVE-2026-1234 on edge proxies",
        ["Containment within 30 minutes"], ["Staging lacked a TLS test"], "Unpatched OpenSSL on images built before March",
        ["Rebuild base images monthly"], [new("Add TLS handshake test to staging", "Chen Li", T0.AddDays(14))],
        ["Emergency patches need one approver at night"]);

    public static HelpView Help() => new(
    [
        new("declare \"TITLE\" [--sev sev1|sev2|sev3|sev4] [--systems a,b] [--cve CVE-…] [--channel]", "Declare an incident in this channel"),
        new("check ITEM", "Tick a checklist item of the current phase"),
        new("approve APPROVAL-ID", "Approve a deployment request (same rules as the Approve button)"),
    ]);

    public static DialogFormView AssessForm(bool errors = false) => new("inc-7", "INC-2026-0007", "assess", "Assess",
        "Already recorded: 1 system(s), 0 vulnerability(ies).",
        [
            new FormField("systems", "Affected systems", FormFieldKind.MultilineText, errors ? "edge01 urgent" : null, Hint: "One per line: <name> [high|medium|low] [@owner]",
                Error: errors ? "I could not read 'edge01 urgent': write a system as <name> [high|medium|low] [@owner]." : null),
            new FormField("vulnerabilities", "Vulnerabilities", FormFieldKind.MultilineText, Hint: "One per line: CVE-… [CVSS:3.1/…] [exploited|not-exploited]"),
            new FormField("impact", "Impact on the business and its users", FormFieldKind.MultilineText, "TLS termination at risk on all edge proxies"),
            new FormField("exposure", "Is data exposed?", FormFieldKind.Choice, "unknown", ["no", "yes", "unknown"]),
            new FormField("exposure-details", "What data?", FormFieldKind.Text),
        ]);

    public static DialogFormView ChecklistForm() => new("inc-7", "INC-2026-0007", "checklist:contain", "Contain checklist",
        "Tick what is done, untick what is not; only changes are recorded.",
        [
            new FormField("item.isolate", "Isolate affected systems", FormFieldKind.Toggle, "true"),
            new FormField("item.accounts", "Disable compromised accounts", FormFieldKind.Toggle, "false"),
        ]);

    public static AlertCardView Alert() => new("inc-7", "INC-2026-0007", "AL1", "High 5xx rate on edge proxy", "prometheus", "edge-proxy-01", "OPENSSL-3.0.15",
        "5xx responses above 2% for 5 minutes", T0.AddMinutes(12), TimeSpan.FromMinutes(12), 3, AlertCardStatus.Firing, null, null, null);

    public static DialogQuestionView Question() => new("inc-7", "assess", "Assess 1/4 — Which systems are affected?");

    private static IEnumerable<(string, View)> Realistic() =>
    [
        ("summary", Summary()),
        ("checklist", Checklist()),
        ("approval-pending", Approval()),
        ("approval-approved", Approval(ApprovalCardStatus.Approved)),
        ("approval-rejected", Approval(ApprovalCardStatus.Rejected)),
        ("approval-requested-window", Approval() with
        {
            Window = new TimeWindowLine(T0.AddMinutes(15), T0.AddHours(2).AddMinutes(15), Requested: true),
            ContainmentNote = "Emergency, outside a maintenance window: actively exploited",
        }),
        ("approval-ci-run", Approval() with
        {
            Evidence = new TestEvidenceLine("staging", "https://github.com/contoso/edge-proxy/actions/runs/4411", null, Linkable: true,
                new CiRunLine("GitHub Actions", "success", true, "8f3c2d1", "sha256:9b2c4e7f0a1d3c5b7e9f1a2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e", true)),
        }),
        ("update-it", Update(NoticeAudience.It)),
        ("update-management", Update(NoticeAudience.Management)),
        ("update-users", Update(NoticeAudience.Users)),
        ("update-closed", Update(NoticeAudience.Management) with { Message = "The incident is closed. Thank you for your patience.", Acknowledgeable = false }),
        ("containment", Ledger()),
        ("patch-matrix", Matrix()),
        ("alert-firing", Alert()),
        ("alert-kept", Alert() with { Status = AlertCardStatus.Kept, ChangedAt = T0.AddMinutes(25), DecidedBy = "Alice Ng", Reason = "Latency spike is the cache warming up; error rate is flat." }),
        ("decision-log", Log()),
        ("review", Review()),
        ("help", Help()),
        ("help-detail", Help() with { Detail = new("declare \"TITLE\"", "Start an incident", "Creates the incident and its checklists.", ["declare \"OpenSSL on proxies\""]) }),
        ("error", new ErrorView("Unknown command 'aprove'. Did you mean 'approve'? Type 'help' to see every command.", "approve APPROVAL-ID")),
        ("text", new TextView("Recorded.")),
        ("text-hostile", new TextView(Hostile)),
        ("text-mention", new TextView("⏰ @Carol Diaz: stakeholders have had no update on INC-2026-0007 for 31 minutes.", new TextMention("U02CAROL", "Carol Diaz"))),
        ("welcome", new WelcomeView()),
        ("dialog-question", Question()),
        ("dialog-form-assess", AssessForm()),
        ("dialog-form-assess-errors", AssessForm(errors: true)),
        ("dialog-form-checklist", ChecklistForm()),
    ];
}
