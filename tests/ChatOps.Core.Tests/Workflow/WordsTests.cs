using ChatOps.Core.Notifications;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>Issue 16, "Words and display", as Core says it.</summary>
public sealed class WordsTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task Log_CheckedItem_IsNamedByItsTextNotItsId()
    {
        await _h.SayAsync("declare \"x\"");
        var item = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Checklists[Incidents.Phase.Assess][0];
        await _h.SayAsync($"check {item.Id}");

        var log = Assert.IsType<DecisionLogPageView>((await _h.SayAsync("log")).Replies[0].View);

        Assert.Equal($"Ticked assess checklist item “{item.Text}”", log.Entries[0].What);
    }

    [Fact]
    public async Task UnknownCommand_Typo_ShowsTheUsageOfTheCommandItLooksLike()
    {
        var reply = await _h.SayAsync("delcare \"Outage\"");

        var error = Assert.IsType<ErrorView>(reply.Replies[0].View);
        Assert.StartsWith("declare \"TITLE\"", error.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VulnAdd_ExploitedCritical_SetsThePriorityAsTheAssessDialogWould()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");

        var reply = await _h.SayAsync("vuln add CVE-2021-34473 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --exploited yes");

        Assert.Contains("Priority P1.", Text(reply), StringComparison.Ordinal);
        Assert.Equal("P1", (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Priority);
        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        // The vulnerability also completes the playbook's "Record the vulnerabilities" item, in the same change.
        Assert.Equal(["vulnerability.added", "priority.assessed", "checklist.toggled"], records.TakeLast(3).Select(r => r.Kind));
    }

    [Fact]
    public async Task VulnAdd_PriorityUnchanged_RecordsNoPriority()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("vuln add CVE-2024-0001 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");

        await _h.SayAsync("vuln add CVE-2024-0002 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");

        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        Assert.Single(records, r => r.Kind == "priority.assessed");
    }

    [Fact]
    public async Task StatusAcknowledgements_RecipientKnownToTheIncident_IsShownByName()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("audience add users @29:carol");
        await _h.SayAsync("notify users \"Maintenance\"");
        var dispatcher = new NotificationDispatcher(_h.Storage.Deliveries, _h.Services.GetRequiredService<AudienceDirectory>(), [new RecordingSender()],
            _h.Services.GetRequiredService<WorkflowServices>(), _h.Services.GetRequiredService<IOptions<NotificationOptions>>(), NullLogger<NotificationDispatcher>.Instance);
        await dispatcher.RunOnceAsync();
        await dispatcher.RunOnceAsync();

        var card = Assert.IsType<IncidentSummaryView>((await _h.SayAsync("status")).Replies[0].View);

        Assert.Equal([("Carol", false)], card.Acknowledgements.Select(a => (a.DisplayName, a.Acknowledged)));
    }

    [Fact]
    public async Task Close_NoticeSentAtClose_OffersNoAcknowledgeButton()
    {
        await _h.SayAsync("declare \"x\"");

        await _h.SayAsync("close --force \"false alarm\"");

        var last = _h.Storage.Incidents.Outbox.Select(o => Notice.Read(o.Payload)).Last(n => n.Update is not null);
        Assert.Contains("The incident is closed", last.Update!.Message, StringComparison.Ordinal);
        Assert.False(last.Update.Acknowledgeable);
    }

    [Fact]
    public async Task Dialog_ChecklistAllDone_SaysSoWithoutTheInternalKind()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase contain --skip \"not under test here\"");
        await _h.SayAsync("cancel");
        var incident = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        foreach (var item in incident.Checklists[Incidents.Phase.Contain])
        {
            await _h.SayAsync($"check {item.Id}");
        }

        var reply = await _h.SayAsync("contain");

        Assert.Contains("Nothing to ask for the contain checklist: everything is done.", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("checklist:contain", Text(reply), StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();
}
