using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Authority;

/// <summary>The authority matrix through the dispatcher: who may, what a refusal says, and that it is on record.</summary>
public sealed class AuthorityMatrixTests : IDisposable
{
    private const string Id = "INC-2026-0001";
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task Declare_MakesTheDeclarerCommander_OnRecordAndOnTheStatusCard()
    {
        await _h.SayAsync("declare \"x\"");

        var status = Assert.IsType<IncidentSummaryView>(Assert.Single((await _h.SayAsync("status", Bob)).Replies).View);

        Assert.Equal("Alice", Assert.Single(status.Roles, r => r.Role == "commander").DisplayName);
        var record = Assert.Single(await Records(), r => r.Kind == "role.assigned");
        Assert.Equal(("29:alice", "declarer"), (record.Actor.UserId, record.Reason));
    }

    [Fact]
    public async Task Close_ByAMemberWithoutRole_IsRefusedNamingTheCommanderAndTheAttemptIsInTheLog()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.SayAsync("close --force \"done\"", Bob);
        var log = Assert.IsType<DecisionLogPageView>(Assert.Single((await _h.SayAsync("log", Bob)).Replies).View);

        Assert.True(IsError(reply));
        Assert.Equal(ReplyMode.Private, reply.Replies[0].Mode);
        Assert.Contains($"Only the commander (Alice) may run 'close' in {Id}", Text(reply), StringComparison.Ordinal);
        Assert.False((await Incident()).IsClosed);
        var attempt = log.Entries[0];
        Assert.Equal(("Bob", "attempt.refused", "Refused attempt to close"), (attempt.Actor, attempt.Kind, attempt.What));
        Assert.Contains("Only the commander (Alice)", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_RefusedRequestDeliveredAgain_RefusalRecordedOnce()
    {
        // A stored Slack request runs again after a crash: the same delivery id, the same refusal, one record.
        await _h.SayAsync("declare \"x\"");
        var command = new Command(Bob, Channel, "close --force \"done\"") { DeliveryId = "slack-command:T1:close-1" };

        var first = await _h.Dispatcher.DispatchAsync(command);
        var again = await _h.Dispatcher.DispatchAsync(command);

        Assert.Contains("Only the commander (Alice)", Text(first), StringComparison.Ordinal);
        Assert.Contains("already been recorded", Text(again), StringComparison.Ordinal);
        Assert.Single(await Records(), r => r.Kind == "attempt.refused");
    }

    [Fact]
    public async Task Close_WithOpenPhaseItems_IsRefusedWithTheListUntilForcedWithAReason()
    {
        await _h.SayAsync("declare \"x\"");
        var before = (await Records()).Count;

        var refused = await _h.SayAsync("close");
        var forced = await _h.SayAsync("close --force \"False positive, confirmed by the vendor\"");

        Assert.True(IsError(refused));
        Assert.Contains("cannot close: phases with open items: assess: Identify affected systems and their owners", Text(refused), StringComparison.Ordinal);
        Assert.Contains("close --force \"WHY\"", Text(refused), StringComparison.Ordinal);
        Assert.Contains($"{Id} is closed", Text(forced), StringComparison.Ordinal);
        var closed = (await Records()).Skip(before).First();
        Assert.Equal(("incident.closed", "False positive, confirmed by the vendor"), (closed.Kind, closed.Reason));
    }

    [Fact]
    public async Task RoleRemove_ARemovedApproverCanNoLongerApprove_AndTheRemovalIsRecorded()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");
        await _h.SayAsync("patch add KB1 \"CU\" --systems mail01 --rollback \"uninstall\"");
        await _h.SayAsync("test KB1 pass --env staging --evidence https://ci.example.com/1");
        await _h.SayAsync("role approver @29:bob");
        Assert.False(IsError(await _h.SayAsync("deploy request KB1 --window 2026-11-27T23:00Z/PT2H")));

        var removed = await _h.SayAsync("role remove approver @29:bob");
        var approve = await _h.SayAsync("approve A1", Bob);

        Assert.Contains($"Bob is no longer approver of {Id}", Text(removed), StringComparison.Ordinal);
        Assert.Contains("Only an approver (nobody holds it yet) may run 'approve'", Text(approve), StringComparison.Ordinal);
        var records = await Records();
        Assert.Contains(records, r => r.Kind == "role.removed" && r.Actor.UserId == "29:alice" && r.Payload.Contains("29:bob", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Kind == "approval.attempt-refused" && r.Actor.UserId == "29:bob");
        Assert.Equal(ApprovalStatus.Pending, (await Incident()).FindApproval("A1")!.Status);
    }

    [Theory]
    [InlineData("role remove commander @29:alice", "cannot be removed; hand it over instead: role commander @USER")]
    [InlineData("role remove comms @29:bob", "Bob is not comms of INC-2026-0001; nobody holds it.")]
    public async Task RoleRemove_BadInput_IsRefusedSayingWhatToDoAndRecordsNothing(string text, string expected)
    {
        await _h.SayAsync("declare \"x\"");
        var before = (await Records()).Count;

        var reply = await _h.SayAsync(text);

        Assert.True(IsError(reply));
        Assert.Contains(expected, Text(reply), StringComparison.Ordinal);
        Assert.Equal(before, (await Records()).Count);
    }

    [Fact]
    public async Task RoleRemove_ByANonCommander_IsRefusedAndRecorded()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("role approver @29:bob");

        var reply = await _h.SayAsync("role remove approver @29:bob", Carol);

        Assert.Contains("Only the commander (Alice) may run 'role remove'", Text(reply), StringComparison.Ordinal);
        Assert.True((await Incident()).Holds("29:bob", IncidentRole.Approver));
        Assert.Equal("attempt.refused", (await Records())[^1].Kind);
    }

    [Fact]
    public async Task CommsAndScribe_GateNoticesAndDecisions_AndTheCommanderHandsOver()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("role comms @29:bob");
        await _h.SayAsync("role scribe @29:carol");

        var notifyByScribe = await _h.SayAsync("notify it \"hi\"", Carol);
        var notifyByComms = await _h.SayAsync("notify it \"hi\"", Bob);
        var decisionByComms = await _h.SayAsync("decision \"wait\"", Bob);
        var decisionByScribe = await _h.SayAsync("decision \"wait\"", Carol);
        await _h.SayAsync("role commander @29:bob");
        var closeByAlice = await _h.SayAsync("close --force \"x\"");

        Assert.Contains("Only comms (Bob) or the commander (Alice) may run 'notify'", Text(notifyByScribe), StringComparison.Ordinal);
        Assert.False(IsError(notifyByComms), Text(notifyByComms));
        Assert.Contains("Only the scribe (Carol) or the commander (Alice) may run 'decision'", Text(decisionByComms), StringComparison.Ordinal);
        Assert.False(IsError(decisionByScribe), Text(decisionByScribe));
        Assert.Contains("Only the commander (Bob) may run 'close'", Text(closeByAlice), StringComparison.Ordinal);
        Assert.Contains(await Records(), r => r.Kind == "role.assigned" && r.Payload.Contains("commander", StringComparison.OrdinalIgnoreCase) && r.Payload.Contains("29:bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PolicyAuthority_WidensAndNarrowsRows_ForCommandsAndCardActions()
    {
        using var h = new WorkflowHarness(settings: new Dictionary<string, string?>
        {
            ["Policy:Authority:close"] = "commander, scribe",
            ["Policy:Authority:check"] = "commander",
        });
        await h.SayAsync("declare \"x\"");
        await h.SayAsync("role scribe @29:carol");
        var version = (await h.Storage.Incidents.GetAsync(Tenant, Id))!.Incident.Version;

        var click = await h.ClickAsync("checklist.toggle", new Dictionary<string, string>
        {
            ["incidentId"] = Id, ["itemId"] = "scope", ["phase"] = "assess", ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, Bob);
        var closedByScribe = await h.SayAsync("close --force \"drill over\"", Carol);

        Assert.Contains("Only the commander (Alice) may run 'check'", Text(click), StringComparison.Ordinal);
        Assert.Contains($"{Id} is closed", Text(closedByScribe), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAsync_AsksTheMatrixAgainOnTheStateItChanges_SoAHandoverInBetweenCounts()
    {
        await _h.SayAsync("declare \"x\"");
        // Alice was let through as commander; before her close is recorded she hands over to Bob.
        var context = new Core.Workflow.CommandContext(new Command(Alice, Channel, "close --force \"x\""),
            _h.Services.GetRequiredService<Core.Workflow.WorkflowServices>(), CancellationToken.None) { AuthorizedAction = "close" };
        await _h.SayAsync("role commander @29:bob");

        var result = await context.ChangeAsync(
            _ => Core.Workflow.Change.Record(new Core.Workflow.PendingEvent(new Core.Decisions.Events.IncidentClosed(true), "x")),
            _ => Core.Workflow.CommandContext.Say("closed"));

        Assert.Contains($"Only the commander (Bob) may run 'close' in {Id}", Text(result), StringComparison.Ordinal);
        Assert.False((await Incident()).IsClosed);
        Assert.Equal(("attempt.refused", "29:alice"), ((await Records())[^1].Kind, (await Records())[^1].Actor.UserId));
    }

    [Theory]
    [InlineData("Policy:Authority:deploy-strat", "commander", "Policy:Authority:deploy-strat: there is no command or action")]
    [InlineData("Policy:Authority:close", "boss", "Policy:Authority:close: 'boss' is not a role; use member, commander, approver, comms, scribe.")]
    [InlineData("Policy:Authority:close", "", "Policy:Authority:close: name at least one of")]
    [InlineData("Policy:Authority:approve", "member", "Policy:Authority:approve: an approval needs named approvers")]
    public void PolicyAuthority_BadRow_StopsStartUpNamingTheSetting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var error = Assert.Throws<OptionsValidationException>(() => new WorkflowHarness(settings: settings).Dispose());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<ChatOps.Core.Decisions.DecisionRecord>> Records() => await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id);

    private async Task<Incident> Incident() => (await _h.Storage.Incidents.GetAsync(Tenant, Id))!.Incident;

    public void Dispose() => _h.Dispose();
}
