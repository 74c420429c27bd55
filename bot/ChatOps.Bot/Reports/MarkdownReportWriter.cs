using System.Globalization;
using System.Text;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Incidents;
using ChatOps.Core.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>The report for people: Markdown with one section per part of the report, times in UTC.</summary>
public static class MarkdownReportWriter
{
    public const string ContentType = "text/markdown";

    public static string Write(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Incident;
        var md = new StringBuilder();
        Line(md, $"# Incident report {s.Id}: {Cell(s.Title)}");
        Line(md, $"Generated {Time(report.GeneratedAt)} · report schema {report.SchemaVersion}");
        Line(md, "\n## Summary\n");
        Line(md, $"- Severity: {s.Severity}{(s.Priority is null ? "" : $", priority {s.Priority}")}");
        Line(md, $"- Status: {s.Status} (phase {s.Phase})");
        Line(md, $"- Declared by {Who(s.DeclaredBy)} at {Time(s.DeclaredAt)}{(s.ClosedAt is { } c ? $"; closed at {Time(c)}" : "")}");
        Line(md, $"- Impact: {Cell(s.Impact ?? "not assessed")}");
        Line(md, $"- Data exposure: {Cell(s.DataExposure ?? "not assessed")}");
        Line(md, $"- Roles: {(s.Roles.Count == 0 ? "none assigned" : string.Join(", ", s.Roles.Select(r => $"{r.Role} {Who(r.Person)} (from {Time(r.AssignedAt)})")))}");
        Line(md, $"- Decision log: {(report.Integrity.Intact ? $"intact, {report.Integrity.RecordCount} records, last hash `{report.Integrity.LastHash}`" : $"NOT intact: {report.Integrity.Problem}")}");

        Table(md, "Affected systems", ["System", "Criticality", "Owner"], report.Systems.Select(x => new[] { x.Name, x.Criticality, Who(x.Owner) }));
        Table(md, "Vulnerabilities", ["CVE", "CVSS v3.1", "Score", "Severity", "Exploited"], report.Vulnerabilities.Select(v => new[]
        {
            v.CveId, v.CvssVector ?? "", v.BaseScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", v.CvssSeverity ?? "",
            v.Exploited switch { true => "yes", false => "no", null => "unknown" },
        }));
        Entries(md, "Timeline", report.Timeline);
        Entries(md, "Decisions", report.Decisions);
        Entries(md, "Approvals", report.Approvals);

        Line(md, "\n## Checklists");
        foreach (var list in report.Checklists)
        {
            Line(md, $"\n### {list.Phase} ({list.Progress})\n");
            foreach (var i in list.Items)
            {
                Line(md, $"- [{(i.Done ? "x" : " ")}] {Cell(i.Text)}{(i.Done ? $" — ticked by {Who(i.DoneBy)} at {Time(i.DoneAt)}" : "")}");
            }
        }

        Table(md, "Containment ledger", ["Item", "Action", "Undo", "Owner", "State", "Done", "Reversed", "Kept because"], report.Containment.Select(x => new[]
        {
            x.Id, x.Action, x.Undo, Who(x.Owner), x.State, x.DoneAt is null ? "" : $"{Who(x.DoneBy)} {Time(x.DoneAt)}",
            x.ReversedAt is null ? "" : $"{Who(x.ReversedBy)} {Time(x.ReversedAt)}", x.KeptReason ?? "",
        }));
        Table(md, "Patch matrix", ["Patch", "Description", "Tests", "Rollback plan", "Systems"], report.Patches.Select(p => new[]
        {
            p.Id, p.Description,
            string.Join("; ", p.Tests.Select(t => t.Describe(Who, Time))),
            p.RollbackPlan ?? "", string.Join(", ", p.Systems.Select(x => $"{x.System}: {x.State}")),
        }));
        Table(md, "Monitoring", ["Patch", "System", "Deployed (UTC)", "Verified (UTC)", "Deploy to verify", "Alerts fired", "Resolved", "Kept", "Rolled back"],
            report.Monitoring.Select(x => new[]
            {
                x.Patch, x.System, Time(x.DeployedAt), x.VerifiedAt is { } v ? Time(v) : "not verified", Duration(x.DeployToVerifySeconds),
                Count(x.AlertsFired), Count(x.AlertsResolved), Count(x.AlertsKept), Count(x.AlertsRolledBack),
            }));
        Entries(md, "Notifications", report.Notifications);
        Review(md, report.Review);

        var m = report.Metrics;
        Line(md, "\n## Metrics\n");
        Line(md, $"- Time to contain: {Duration(m.TimeToContainSeconds)}");
        Line(md, $"- Time to approve: {Duration(m.TimeToApproveSeconds)}");
        Line(md, $"- Time to patch: {Duration(m.TimeToPatchSeconds)}");
        Line(md, $"- Time to close: {Duration(m.TimeToCloseSeconds)}");
        Line(md, $"- Time to verify (deployment start to first system verified): {Duration(m.TimeToVerifySeconds)}");
        return md.ToString();
    }

    private static void Review(StringBuilder md, ReportReview review)
    {
        Line(md, "\n## Post-incident review\n");
        if (review.Answers.Count == 0 && review.ActionItems.Count == 0)
        {
            Line(md, "_No review was recorded._");
            return;
        }

        foreach (var (key, text) in ReviewDialog.Questions.Where(q => q.Key != ReviewDialog.ActionItemsQuestion))
        {
            var answer = review.Answers.LastOrDefault(a => a.Question == key);
            Line(md, $"- **{text}** {(answer is null ? "_not answered_" : $"{Cell(answer.Answer)} ({Who(answer.By)}, {Time(answer.At)})")}");
        }

        Table(md, "Action items", ["Item", "Owner", "Due", "What"], review.ActionItems.Select(a => new[] { a.Id, Who(a.Owner), a.Due, a.Text }), level: "###");
    }

    private static void Entries(StringBuilder md, string title, IReadOnlyList<ReportEntry> entries) =>
        Table(md, title, ["#", "Time (UTC)", "Actor", "What", "Why"], entries.Select(e => new[]
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture), Time(e.At), Who(e.Actor), e.What, e.Why ?? "",
        }));

    private static void Table(StringBuilder md, string title, string[] headers, IEnumerable<string[]> rows, string level = "##")
    {
        Line(md, $"\n{level} {title}\n");
        var list = rows.ToList();
        if (list.Count == 0)
        {
            Line(md, "_None recorded._");
            return;
        }

        Line(md, "| " + string.Join(" | ", headers) + " |");
        Line(md, "|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in list)
        {
            Line(md, "| " + string.Join(" | ", row.Select(Cell)) + " |");
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    // Table cells: a pipe would end the cell and a line break the row.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Who(Participant? person) => person is null ? "" : $"{person.DisplayName} ({person.UserId})";

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    private static string Duration(long? seconds)
    {
        if (seconds is not { } s)
        {
            return "not reached";
        }

        var span = TimeSpan.FromSeconds(s);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes}m {span.Seconds}s");
    }
}
