using ChatOps.Core.Dialogs;
using ChatOps.Core.Incidents;
using ChatOps.Core.Reports;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>Issue 16: one phase model; checklists ticked by the work that completes them; systems asked once.</summary>
public sealed class PhaseModelTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task AssessDialog_TicksTheAssessItems_SkipsSystemsGivenAtDeclare_AndRecordsThemOnce()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");

        var first = await _h.SayAsync("assess");
        await _h.SayAsync("CVE-2021-34473 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited");
        await _h.SayAsync("Mail down");
        await _h.SayAsync("no");
        var status = Assert.IsType<IncidentSummaryView>((await _h.SayAsync("status")).Replies[0].View);

        Assert.Contains("Assess 2/4", Text(first), StringComparison.Ordinal);
        Assert.DoesNotContain("Which systems", Text(first), StringComparison.Ordinal);
        Assert.Contains("mail01 (medium)", Text(first), StringComparison.Ordinal);
        var incident = await Incident();
        Assert.All(incident.Checklists[Phase.Assess], i => Assert.True(i.Done, i.Text));
        Assert.Single(await Records(), r => r.Kind == "system.added");
        Assert.Equal(PhaseProgress.Current, status.Phases[0].Progress);
        Assert.DoesNotContain(status.OpenItems, i => i.StartsWith("assess:", StringComparison.Ordinal));
    }

    [Fact]
    public void AssessForm_SystemAlreadyRecordedWithTheSameFacts_IsNotRecordedAgain()
    {
        var incident = new Incident { TenantId = "t", Id = "INC-1", Conversation = new(Core.Identity.ChannelKind.Teams, "t", "c"), DeclaredBy = new("29:a", "A") };
        incident.Systems.Add(new AffectedSystem("mail01", null, "medium"));

        var outcome = new AssessDialog().Submit(incident, new Dictionary<string, string>
        {
            [AssessDialog.SystemsField] = "mail01 medium\nweb01 high",
            [AssessDialog.ImpactField] = "x",
            [AssessDialog.ExposureField] = "no",
        }, id => new Participant(id, id));

        Assert.Equal(["web01"], outcome.Events.Select(e => e.Event).OfType<Core.Decisions.Events.SystemAdded>().Select(s => s.Name));
    }

    [Fact]
    public async Task SkippingToReview_ShowsSkippedPhasesAsSkipped_NeverDone_AndEveryViewAgrees()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");
        var refused = await _h.SayAsync("phase review");
        var moved = await _h.SayAsync("phase review --skip \"drill: only the review is practised\"");

        Assert.True(IsError(refused));
        Assert.Contains("Assess impact and data exposure", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("Identify affected systems", Text(refused), StringComparison.Ordinal);
        Assert.False(IsError(moved));
        var summary = Assert.IsType<IncidentSummaryView>((await _h.SayAsync("status")).Replies[0].View);
        Assert.Equal(
            [PhaseProgress.Skipped, PhaseProgress.Skipped, PhaseProgress.Skipped, PhaseProgress.Skipped, PhaseProgress.Skipped, PhaseProgress.Skipped, PhaseProgress.Current],
            summary.Phases.Select(p => p.Progress));

        var incident = await Incident();
        var report = IncidentReportBuilder.Build(incident, await Records(), _h.Time.GetUtcNow());
        Assert.Equal(summary.Phases.Select(p => p.Progress.ToString().ToLowerInvariant()), report.Checklists.Select(c => c.Progress));
        Assert.Equal("review", report.Incident.Phase);
        Assert.Contains(report.Checklists.SelectMany(c => c.Items), i => i.Text == "Identify affected systems and their owners" && i.Done && i.DoneBy is not null);
        var record = (await Records()).Last(r => r.Kind == "phase.changed");
        Assert.Equal("drill: only the review is practised", record.Reason);
    }

    [Fact]
    public async Task PhasesAheadOfTheCurrentOne_AreNext_EvenWhenTheirItemsAreTicked()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("check report");

        var summary = Assert.IsType<IncidentSummaryView>((await _h.SayAsync("status")).Replies[0].View);

        Assert.Equal(PhaseProgress.Current, summary.Phases[0].Progress);
        Assert.All(summary.Phases.Skip(1), p => Assert.Equal(PhaseProgress.Next, p.Progress));
    }

    [Fact]
    public async Task Export_TicksTheDocumentItems_AndGoingBackIsFree()
    {
        using var h = new WorkflowHarness(settings: EmergencyPatchScenario.Settings);
        await h.SayAsync("declare \"x\"");
        await h.SayAsync("phase document --skip \"practice\"");

        await h.SayAsync("export json");
        var back = await h.SayAsync("phase assess");

        var incident = (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        Assert.All(incident.Checklists[Phase.Document], i => Assert.True(i.Done, i.Text));
        Assert.Contains(await h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001"), r => r.Kind == "report.exported");
        Assert.False(IsError(back));
        Assert.Equal(Phase.Assess, incident.Phase);
    }

    public void Dispose() => _h.Dispose();

    private async Task<Incident> Incident() => (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;

    private Task<IReadOnlyList<Core.Decisions.DecisionRecord>> Records() => _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
}
