using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

public sealed class WorkflowTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task Declare_BindsTheChannelAndRecordsDeclarationWithChecklists()
    {
        var reply = await _h.SayAsync("declare \"Exchange exploitation\" --sev sev1 --systems mail01,mail02 --cve CVE-2021-34473");

        Assert.Contains("INC-2026-0001 declared", Text(reply), StringComparison.Ordinal);
        var incident = await Incident();
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Equal(["mail01", "mail02"], incident.Systems.Select(s => s.Name));
        Assert.Equal("CVE-2021-34473", Assert.Single(incident.Vulnerabilities).CveId);
        Assert.Equal(4, incident.Checklists[Phase.Contain].Count);
        Assert.Equal(Channel, incident.Conversation);
    }

    [Fact]
    public async Task Declare_SecondActiveIncidentInChannel_IsRefused()
    {
        await _h.SayAsync("declare \"First\"");

        var reply = await _h.SayAsync("declare \"Second\"", Bob);

        Assert.True(IsError(reply));
        Assert.Contains("already has an active incident, INC-2026-0001", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_WithChannelAndNoProvisioner_ExplainsAndDeclaresNothing()
    {
        var reply = await _h.SayAsync("declare \"x\" --channel");

        Assert.True(IsError(reply));
        Assert.Contains("--channel needs a platform that can create channels", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_WithoutIncident_TellsHowToStart()
    {
        var reply = await _h.SayAsync("status");

        Assert.Contains("declare \"TITLE\"", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_ByNonCommander_IsRefusedNamingTheCommanderAndRecordedAsAnAttempt()
    {
        await _h.SayAsync("declare \"x\"");
        var before = (await Records()).Count;

        var reply = await _h.SayAsync("role approver @29:bob", Carol);

        Assert.True(IsError(reply));
        Assert.Contains("Only the commander (Alice) may run 'role' in INC-2026-0001", Text(reply), StringComparison.Ordinal);
        var attempt = Assert.Single((await Records()).Skip(before));
        Assert.Equal(("attempt.refused", "29:carol"), (attempt.Kind, attempt.Actor.UserId));
        Assert.StartsWith("Only the commander (Alice)", attempt.Reason, StringComparison.Ordinal);
        Assert.False((await Incident()).Holds("29:bob", IncidentRole.Approver));
    }

    [Fact]
    public async Task Role_CommanderHandsOver_NewCommanderDecidesRoles()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("role commander @29:bob");

        var byAlice = await _h.SayAsync("role approver @29:carol");
        var byBob = await _h.SayAsync("role approver @29:carol", Bob);

        Assert.True(IsError(byAlice));
        Assert.False(IsError(byBob));
        Assert.True((await Incident()).Holds("29:carol", IncidentRole.Approver));
    }

    [Fact]
    public async Task PhaseLeavingContain_WithOpenItems_IsRefusedWithTheirText_OrSkippedWithARecordedReason()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase contain --skip \"assessed on the phone\"");
        await _h.SayAsync("contain add \"Block 443 at the edge\" --undo \"Remove rule 17\"");
        var before = (await Records()).Count;

        var refused = await _h.SayAsync("phase test");
        Assert.Equal(before, (await Records()).Count);
        var moved = await _h.SayAsync("phase test --skip \"Edge rule stays until patched\"");

        // Named by what people read, never by ids such as checklist:contain or isolate.
        Assert.Contains("containment C1 not done: Block 443 at the edge", Text(refused), StringComparison.Ordinal);
        Assert.Contains("Disable compromised accounts", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("checklist:", Text(refused), StringComparison.Ordinal);
        Assert.Contains("--skip", Text(refused), StringComparison.Ordinal);
        Assert.False(IsError(moved));
        var record = (await Records()).Last(r => r.Kind == "phase.changed");
        Assert.Equal("Edge rule stays until patched", record.Reason);
        Assert.Contains("Block 443 at the edge", record.Payload, StringComparison.Ordinal);
        var incident = await Incident();
        Assert.Equal(Phase.Test, incident.Phase);
        Assert.Contains(Phase.Contain, incident.SkippedPhases);
    }

    [Fact]
    public async Task ContainmentLedger_FollowsItsRules_AndCloseWaitsForReversal()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("contain add \"Disable svc-backup account\" --undo \"Re-enable after password rotation\" --owner @29:dan");
        await _h.SayAsync("contain add \"Isolate fs01\" --undo \"Reconnect VLAN 20\"");

        var undoOpen = await _h.SayAsync("contain keep C1 --reason \"x\"");
        await _h.SayAsync("contain done C1");
        await _h.SayAsync("contain done C2");
        var closeRefused = await _h.SayAsync("close");
        await _h.SayAsync("contain undo C1");
        await _h.SayAsync("contain keep C2 --reason \"fs01 is being rebuilt\"");
        var stillOpenItems = await _h.SayAsync("close");
        var closed = await _h.SayAsync("close --force \"checklists kept elsewhere\"");

        Assert.Contains("C1 is open; it cannot be kept", Text(undoOpen), StringComparison.Ordinal);
        Assert.Contains("not reversed: C1 (Disable svc-backup account), C2 (Isolate fs01)", Text(closeRefused), StringComparison.Ordinal);
        Assert.DoesNotContain("not reversed", Text(stillOpenItems), StringComparison.Ordinal);
        Assert.Contains("phases with open items", Text(stillOpenItems), StringComparison.Ordinal);
        Assert.Contains("is closed", Text(closed), StringComparison.Ordinal);
        var incident = await Incident();
        Assert.Equal(ContainmentState.Reversed, incident.Containment[0].State);
        Assert.Equal("Dan", incident.Containment[0].Owner?.DisplayName);
        Assert.Equal("fs01 is being rebuilt", incident.Containment[1].KeptReason);
    }

    [Fact]
    public async Task ClosedIncident_IsReadOnlyAndTheChannelIsFree()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("close --force \"false alarm\"");

        var afterClose = await _h.SayAsync("decision \"late\"");
        var again = await _h.SayAsync("declare \"next one\"");

        Assert.Contains("no active incident", Text(afterClose), StringComparison.Ordinal);
        Assert.Contains("INC-2026-0002 declared", Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseForce_RecordsTheReason()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("contain add \"Block\" --undo \"Unblock\"");

        await _h.SayAsync("close --force \"CISO accepts the residual block\"");

        var record = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001")).Single(r => r.Kind == "incident.closed");
        Assert.Equal("CISO accepts the residual block", record.Reason);
    }

    [Fact]
    public async Task PatchMatrix_UnknownSystem_IsRefusedAndTestsAreRecorded()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");

        var unknown = await _h.SayAsync("patch add KB1 \"CU23\" --systems mail01,db09");
        await _h.SayAsync("patch add KB1 \"CU23\" --systems MAIL01");
        var waiveWithoutReason = await _h.SayAsync("test KB1 waive");
        var pass = await _h.SayAsync("test KB1 pass --env staging");

        Assert.Contains("db09 is not an affected system", Text(unknown), StringComparison.Ordinal);
        Assert.Contains("A waiver needs a reason", Text(waiveWithoutReason), StringComparison.Ordinal);
        Assert.Contains("Add --evidence", Text(pass), StringComparison.Ordinal);
        var patch = (await Incident()).FindPatch("kb1")!;
        Assert.Equal(SystemPatchState.Pending, patch.Systems["mail01"]);
        Assert.False(patch.HasDeployableEvidence);
    }

    [Fact]
    public async Task ChecklistCardClick_StaleVersion_IsRefusedAndCurrentOneTicks()
    {
        await _h.SayAsync("declare \"x\"");
        var version = (await Incident()).Version;
        await _h.SayAsync("decision \"something else happened\"");

        var stale = await _h.ClickAsync("checklist.toggle", Data(version));
        var fresh = await _h.ClickAsync("checklist.toggle", Data(version + 1), Bob);

        Assert.Contains("out of date", Text(stale), StringComparison.Ordinal);
        Assert.False(IsError(fresh));
        var item = (await Incident()).FindChecklistItem(Phase.Assess, "scope")!;
        Assert.True(item.Done);
        Assert.Equal("Bob", item.DoneBy?.DisplayName);
        Assert.Equal(_h.Time.GetUtcNow(), item.DoneAt);
        Assert.Equal(Core.Commands.ReplyMode.UpdateCard, fresh.Replies[0].Mode);

        static Dictionary<string, string> Data(long version) => new()
        {
            ["incidentId"] = "INC-2026-0001",
            ["itemId"] = "scope",
            ["phase"] = "assess",
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task CardClick_ForIncidentOfAnotherChannel_IsRefused()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.ClickAsync("checklist.toggle", new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["itemId"] = "scope" },
            conversation: Channel with { ConversationId = "19:other" });

        Assert.Contains("not active in this conversation", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTenant_CannotSeeTheIncident()
    {
        await _h.SayAsync("declare \"x\"");
        var intruder = Alice with { TenantId = "tenant-2" };

        var reply = await _h.SayAsync("status", intruder, Channel with { TenantId = "tenant-2" });

        Assert.Contains("no active incident", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryChange_IsADecisionRecordWithActorAndAnIntactChain()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");
        await _h.SayAsync("role scribe @29:bob");
        _h.Time.Advance(TimeSpan.FromMinutes(3));
        await _h.SayAsync("decision \"Patch tonight\" --because \"Exploit public\"", Bob);
        await _h.SayAsync("system add db01 --criticality high");
        await _h.SayAsync("vuln add CVE-2024-3400 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --exploited yes");

        var records = await Records();

        Assert.True(HashChain.Verify(records).IsIntact);
        var decision = records.Single(r => r.Kind == "decision.noted");
        Assert.Equal("29:bob", decision.Actor.UserId);
        Assert.Equal("Exploit public", decision.Reason);
        Assert.Equal(_h.Time.GetUtcNow(), records[^1].At);
        var vuln = (await Incident()).Vulnerabilities.Single(v => v.CveId == "CVE-2024-3400");
        Assert.Equal(9.8, vuln.BaseScore);
        Assert.Equal(records.Count, (await Incident()).Version);
    }

    [Fact]
    public async Task UnknownCommand_GetsTheRightFormBack()
    {
        var reply = await _h.SayAsync("deploy now please");

        Assert.True(IsError(reply));
        Assert.Contains("deploy request PATCH-ID", Text(reply), StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();

    private async Task<Incident> Incident() => (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;

    private Task<IReadOnlyList<DecisionRecord>> Records() => _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
}
