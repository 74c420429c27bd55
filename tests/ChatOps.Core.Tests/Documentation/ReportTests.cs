using ChatOps.Core.Reports;
using ChatOps.Testing;

namespace ChatOps.Core.Tests.Documentation;

public sealed class ReportTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings);

    [Fact]
    public async Task Build_FullScenario_ListsEveryDecisionInOrderWithActorAndReason()
    {
        await EmergencyPatchScenario.RunAsync(_h);
        var (incident, records) = await EmergencyPatchScenario.LoadAsync(_h);

        var report = IncidentReportBuilder.Build(incident, records, _h.Time.GetUtcNow());

        Assert.Equal(records.Count, report.Decisions.Count);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), report.Decisions.Select(d => d.Sequence));
        Assert.Equal(records.Select(r => r.Actor.UserId), report.Decisions.Select(d => d.Actor.UserId));
        Assert.Equal(records.Select(r => r.Reason), report.Decisions.Select(d => d.Why));
        Assert.Equal(records.Select(r => r.At), report.Decisions.Select(d => d.At));
        Assert.Contains(report.Decisions, d => d.What == "Patch tonight, outside the window" && d.Why == "Active exploitation of internet-facing mail" && d.Actor.DisplayName == "Alice");
        Assert.True(report.Integrity.Intact);
    }

    [Fact]
    public async Task Build_FullScenario_HasEverySection()
    {
        await EmergencyPatchScenario.RunAsync(_h);
        var (incident, records) = await EmergencyPatchScenario.LoadAsync(_h);

        var report = IncidentReportBuilder.Build(incident, records, _h.Time.GetUtcNow());

        Assert.Equal("closed", report.Incident.Status);
        Assert.Equal(["mail01", "mail02", "owa01"], report.Systems.Select(s => s.Name));
        Assert.Equal(9.8, report.Vulnerabilities.Single(v => v.CveId == "CVE-2021-34523").BaseScore);
        var ledger = Assert.Single(report.Containment);
        Assert.Equal(("reversed", "Bob", "Bob"), (ledger.State, ledger.DoneBy?.DisplayName, ledger.ReversedBy?.DisplayName));
        var isolate = report.Checklists.Single(c => c.Phase == "contain").Items.Single(i => i.Id == "isolate");
        // Ticked by the record: Bob marked the containment action done.
        Assert.Equal(("Bob", true), (isolate.DoneBy?.DisplayName, isolate.Done));
        var patch = Assert.Single(report.Patches);
        Assert.Equal("https://ci.example.org/runs/42", Assert.Single(patch.Tests).Evidence);
        Assert.Equal(["mail01: patched", "mail02: patched"], patch.Systems.Select(s => $"{s.System}: {s.State}"));
        Assert.Equal(["approval.requested", "approval.voted"], report.Approvals.Select(a => a.Kind));
        Assert.Equal("Bob", report.Approvals[1].Actor.DisplayName);
        Assert.Contains("KB5001779", report.Approvals[0].What, StringComparison.Ordinal);
        Assert.Equal(5, report.Review.Answers.Count);
        Assert.Equal(["Dan", "Bob"], report.Review.ActionItems.Select(a => a.Owner.DisplayName));
        Assert.Equal("2026-12-15", report.Review.ActionItems[0].Due);
        Assert.Contains(report.Timeline, e => e.Kind == "incident.closed");
        Assert.DoesNotContain(report.Timeline, e => e.Kind == "role.assigned");
    }

    [Fact]
    public async Task Metrics_FullScenario_MeasureFromTheDeclaration()
    {
        await EmergencyPatchScenario.RunAsync(_h);
        var (incident, records) = await EmergencyPatchScenario.LoadAsync(_h);

        var metrics = IncidentReportBuilder.Build(incident, records, _h.Time.GetUtcNow()).Metrics;

        // From 22:00: C1 done at 22:41, Bob approved at 23:59, mail01 verified at 00:54; closed at the end.
        Assert.Equal(41 * 60, metrics.TimeToContainSeconds);
        Assert.Equal(119 * 60, metrics.TimeToApproveSeconds);
        Assert.Equal(174 * 60, metrics.TimeToPatchSeconds);
        Assert.Equal((long)(incident.ClosedAt!.Value - incident.DeclaredAt).TotalSeconds, metrics.TimeToCloseSeconds);
    }

    public void Dispose() => _h.Dispose();
}
