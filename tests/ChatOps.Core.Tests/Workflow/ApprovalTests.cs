using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

public sealed class ApprovalTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task Request_WithoutEvidence_IsRefusedWithTheGate()
    {
        await Prepare(test: "test KB1 pass --env staging");

        var reply = await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");

        Assert.Contains("the passing test has no evidence link", Text(reply), StringComparison.Ordinal);
        Assert.Empty((await Incident()).Approvals);
    }

    [Fact]
    public async Task Request_WaiverWithoutRollbackPlan_IsRefused()
    {
        await Prepare(patch: "patch add KB1 \"CU23\" --systems mail01", test: "test KB1 waive --reason \"no staging\"");

        var reply = await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");

        Assert.Contains("no rollback plan", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithOpenContainment_NeedsAcknowledgement()
    {
        await Prepare();
        await _h.SayAsync("contain add \"Block 443\" --undo \"Remove rule\"");

        var refused = await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");
        var accepted = await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H --ack \"rule is harmless\"");

        Assert.Contains("C1 are still open", Text(refused), StringComparison.Ordinal);
        Assert.False(IsError(accepted));
        Assert.Equal(["C1"], (await Incident()).Approvals.Single().AcknowledgedOpenItems);
    }

    [Fact]
    public async Task Request_OutsideConfiguredWindow_NeedsEmergencyAndOneMoreApproval()
    {
        using var h = new WorkflowHarness(settings: new Dictionary<string, string?>
        {
            ["Policy:MaintenanceWindows:0:Name"] = "weekend",
            ["Policy:MaintenanceWindows:0:Cron"] = "0 22 * * SAT",
            ["Policy:MaintenanceWindows:0:Duration"] = "04:00:00",
            ["Policy:MaintenanceWindows:0:TimeZone"] = "Europe/Berlin",
        });
        await Prepare(h);

        // Friday 22:00 UTC: the next window opens Saturday 22:00 Berlin (21:00 UTC).
        var outside = await h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");
        var emergency = await h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H --emergency \"Exploited in the wild\"");

        Assert.Contains("outside a maintenance window", Text(outside), StringComparison.Ordinal);
        var approval = (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Approvals.Single();
        Assert.Equal(2, approval.RequiredApprovals);
        Assert.Equal("Exploited in the wild", approval.Emergency);
        Assert.False(IsError(emergency));
    }

    [Fact]
    public async Task Request_WithoutWindow_BindsTheNextConfiguredWindow()
    {
        using var h = new WorkflowHarness(settings: new Dictionary<string, string?>
        {
            ["Policy:MaintenanceWindows:0:Cron"] = "0 22 * * SAT",
            ["Policy:MaintenanceWindows:0:Duration"] = "04:00:00",
            ["Policy:MaintenanceWindows:0:TimeZone"] = "Europe/Berlin",
        });
        await Prepare(h);

        await h.SayAsync("deploy request KB1");

        var approval = (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Approvals.Single();
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 21, 0, 0, TimeSpan.Zero), approval.Binding.Window.Start);
        Assert.Equal(1, approval.RequiredApprovals);
    }

    [Fact]
    public async Task Approve_BySelfNonApproverAndTwice_AreRefusedAndRecordedAsAttempts()
    {
        await Prepare();
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("role approver @29:alice");
        await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");

        var self = await Click("approval.approve", Alice);
        var stranger = await Click("approval.approve", Carol);
        var bob = await Click("approval.approve", Bob);
        var again = await Click("approval.approve", Bob, revision: 2);

        Assert.Contains("You requested A1", Text(self), StringComparison.Ordinal);
        Assert.Contains("Only an approver (Bob, Alice) may run 'approve'", Text(stranger), StringComparison.Ordinal);
        Assert.Equal(ReplyMode.UpdateCard, bob.Replies[0].Mode);
        var card = Assert.IsType<Core.Views.ApprovalRequestView>(bob.Replies[0].View);
        Assert.Equal(Core.Views.ApprovalCardStatus.Approved, card.Status);
        Assert.Equal("Bob", card.DecidedBy);
        Assert.Equal(["29:bob"], card.ApproverUserIds);
        Assert.Contains("already approved", Text(again), StringComparison.Ordinal);
        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        Assert.Equal(3, records.Count(r => r.Kind == "approval.attempt-refused"));
        Assert.Single(records, r => r.Kind == "approval.voted");
        Assert.Contains(records, r => r.Kind == "approval.attempt-refused" && r.Actor.UserId == "29:carol" && r.Reason!.Contains("Only an approver (Bob, Alice)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_StaleCard_IsRefused()
    {
        using var h = new WorkflowHarness(settings: new Dictionary<string, string?> { ["Policy:RequiredApprovals"] = "2" });
        await Prepare(h);
        await h.SayAsync("role approver @29:bob");
        await h.SayAsync("role approver @29:carol");
        await h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");
        await h.ClickAsync("approval.approve", new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["approvalId"] = "A1", ["version"] = "1" }, Bob);

        var stale = await h.ClickAsync("approval.approve", new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["approvalId"] = "A1", ["version"] = "1" }, Carol);

        Assert.Contains("out of date", Text(stale), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Approvals[0].Status);
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenRejects()
    {
        await Prepare();
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");

        var noReason = await Click("approval.reject", Bob);
        var rejected = await Click("approval.reject", Bob, reason: "Rollback untested");
        var start = await _h.SayAsync("deploy start KB1");

        Assert.Contains("needs a reason", Text(noReason), StringComparison.Ordinal);
        var card = Assert.IsType<Core.Views.ApprovalRequestView>(rejected.Replies[0].View);
        Assert.Equal(Core.Views.ApprovalCardStatus.Rejected, card.Status);
        Assert.Equal(("Bob", "Rollback untested"), (card.DecidedBy, card.StatusReason));
        Assert.Contains("approval A1 is rejected (Rollback untested)", Text(start), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedEvidence_VoidsTheApproval_AndDeployStartIsRefused()
    {
        await Prepare();
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");
        await Click("approval.approve", Bob);

        await _h.SayAsync("test KB1 fail --env staging --evidence https://ci.example.com/2");
        var start = await _h.SayAsync("deploy start KB1");

        var approval = (await Incident()).Approvals.Single();
        Assert.Equal(ApprovalStatus.Voided, approval.Status);
        Assert.Contains("test evidence of KB1 changed", approval.StatusReason, StringComparison.Ordinal);
        Assert.Contains("is voided", Text(start), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployStart_OnlyInsideTheWindow_AndNotAfterItEnds()
    {
        await Prepare();
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");
        await Click("approval.approve", Bob);

        var early = await _h.SayAsync("deploy start KB1");
        _h.Time.Advance(TimeSpan.FromHours(3.5));
        var late = await _h.SayAsync("deploy start KB1");

        Assert.Contains("that window has not opened yet", Text(early), StringComparison.Ordinal);
        Assert.Contains("is expired", Text(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentApprovals_GiveOneConsistentOutcome()
    {
        await Prepare();
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("role approver @29:carol");
        await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");

        await Task.WhenAll(Click("approval.approve", Bob), Click("approval.reject", Carol, reason: "not yet"));

        var approval = (await Incident()).Approvals.Single();
        var decision = Assert.Single(approval.Votes);
        Assert.Equal(decision.Approved ? ApprovalStatus.Approved : ApprovalStatus.Rejected, approval.Status);
        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        Assert.Single(records, r => r.Kind == "approval.voted");
        Assert.Single(records, r => r.Kind == "approval.attempt-refused");
    }

    [Fact]
    public async Task PatchMatrix_DeployStartIsDeploying_PatchedOnlyOnVerify_AndARolledBackSystemDeploysAgain()
    {
        await _h.SayAsync("declare \"Exchange\" --systems mail01,mail02");
        Assert.False(IsError(await _h.SayAsync("patch add KB1 \"CU23\" --systems mail01,mail02 --rollback \"uninstall\"")));
        await _h.SayAsync("test KB1 pass --env staging --evidence https://ci.example.com/1");
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H");
        await Click("approval.approve", Bob);
        _h.Time.Advance(TimeSpan.FromHours(1));

        var started = await _h.SayAsync("deploy start KB1");
        Assert.Equal([SystemPatchState.Deploying, SystemPatchState.Deploying], (await Incident()).Patches[0].Systems.Values);
        Assert.Contains("deploying on mail01, mail02", Text(started), StringComparison.Ordinal);
        await _h.SayAsync("deploy verify KB1 mail01 ok");
        await _h.SayAsync("deploy verify KB1 mail02 failed");
        var matrix = Assert.IsType<Core.Views.PatchMatrixView>((await _h.SayAsync("deploy rollback KB1 --reason \"mail02 broke\"")).Replies[0].View);
        Assert.Equal([Core.Views.PatchCellState.RolledBack, Core.Views.PatchCellState.RolledBack], matrix.Rows.Select(r => r.States[0]));
        var refused = await _h.SayAsync("deploy verify KB1 mail01 ok");
        Assert.True(IsError(refused));

        // Deployed again on a new approval: rolled back → deploying → patched.
        await _h.SayAsync("deploy request KB1 --window 2026-11-28T00:00Z/PT1H");
        await Click("approval.approve", Bob, approvalId: "A2");
        _h.Time.Advance(TimeSpan.FromHours(1));
        await _h.SayAsync("deploy start KB1");
        Assert.Equal([SystemPatchState.Deploying, SystemPatchState.Deploying], (await Incident()).Patches[0].Systems.Values);
        await _h.SayAsync("deploy verify KB1 mail01 ok");
        await _h.SayAsync("deploy verify KB1 mail02 ok");

        Assert.Equal([SystemPatchState.Patched, SystemPatchState.Patched], (await Incident()).Patches[0].Systems.Values);
        Assert.True((await Incident()).FindChecklistItem(Phase.Implement, "monitor")!.Done);
    }

    [Fact]
    public async Task ApprovalCard_SaysAllContainmentDone_NotAcknowledged_AndListsOpenActionsByText()
    {
        await Prepare();
        await _h.SayAsync("contain add \"Block 443\" --undo \"Remove rule\"");
        await _h.SayAsync("contain done C1");
        var done = Assert.IsType<Core.Views.ApprovalRequestView>((await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H")).Replies[0].View);

        Assert.Equal("✅ all containment done", done.Containment);
        Assert.DoesNotContain("acknowledged", done.Containment, StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();

    private Task Prepare(string patch = "patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"", string test = "test KB1 pass --env staging --evidence https://ci.example.com/1") =>
        Prepare(_h, patch, test);

    private static async Task Prepare(WorkflowHarness h, string patch = "patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"", string test = "test KB1 pass --env staging --evidence https://ci.example.com/1")
    {
        await h.SayAsync("declare \"Exchange\" --systems mail01");
        await h.SayAsync(patch);
        await h.SayAsync(test);
    }

    private Task<CommandResult> Click(string verb, Core.Identity.Actor actor, int revision = 1, string? reason = null, string approvalId = "A1")
    {
        var data = new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["approvalId"] = approvalId, ["version"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        return _h.ClickAsync(verb, data, actor);
    }

    private async Task<Incident> Incident() => (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
}
