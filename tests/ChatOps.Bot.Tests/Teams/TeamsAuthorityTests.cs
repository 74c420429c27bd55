using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Gates;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// The authority matrix and two required approvals through Teams' <c>/api/messages</c> (signed activities and Action.Execute
/// invokes), with <c>Policy:RequiredApprovals=2</c> and storage on Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsAuthorityTests : IAsyncLifetime
{
    private const string Patch = "KB5001779";
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly TeamsUser Bob = new("29:bob", "Bob");
    private static readonly TeamsUser Carol = new("29:carol", "Carol");
    private static readonly TeamsUser Dan = new("29:dan", "Dan");
    private TeamsChannelDriver _teams = null!;

    public async Task InitializeAsync() =>
        _teams = await TeamsChannelDriver.StartAsync(_ => new Dictionary<string, string?> { ["Policy:RequiredApprovals"] = "2" });

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task TwoRequiredApprovals_TwoDistinctApproversApprove_SecondClickAndOwnRequestAreRefusedAndRecorded()
    {
        var incident = await DeclareAsync();
        await Shown(Alice, $"patch add {Patch} \"Exchange security update\" --systems mail01 --rollback \"Uninstall {Patch}\"");
        await Shown(Alice, $"test {Patch} pass --env staging --evidence https://ci.example.org/runs/42");
        await Shown(Alice, "role approver @Bob", Bob);
        await Shown(Alice, "role approver @Carol", Carol);
        await Shown(Alice, "role approver @Dan", Dan);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var card = Assert.Single(await _teams.SayAsync(Bob, $"deploy request {Patch} --window {start}/PT2H"));
        Assert.Contains("Waiting for approval: 0 of 2", card.Shown, StringComparison.Ordinal);

        var own = await _teams.InvokeAsync(Bob, card.ActivityId, "approval.approve", ApprovalData(incident, "1"));
        var first = await _teams.InvokeAsync(Carol, card.ActivityId, "approval.approve", ApprovalData(incident, "1"));
        var again = await _teams.InvokeAsync(Carol, card.ActivityId, "approval.approve", ApprovalData(incident, "2"));
        var gateAfterOne = await GateAsync(incident);
        var second = await _teams.InvokeAsync(Dan, card.ActivityId, "approval.approve", ApprovalData(incident, "2"));

        Assert.Contains("You requested A1; someone else must approve or reject it.", own["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 of 2", JsonText.Of(first["value"]), StringComparison.Ordinal);
        Assert.Contains("You already decided on A1; each approver counts once.", again["value"]!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual("approved", gateAfterOne.State);
        Assert.Contains("Approved", JsonText.Of(second["value"]), StringComparison.Ordinal);
        var gate = await GateAsync(incident);
        Assert.Equal(("approved", "A1"), (gate.State, gate.ApprovalId));
        Assert.Equal(["Carol", "Dan"], gate.Approvers);
        await DecisionLogAssert.ContainsInOrderAsync(_teams.Factory.Services, _teams.TenantId, incident,
        [
            (ApprovalRequested.EventKind, Bob.Id),
            (ApprovalAttemptRefused.EventKind, Bob.Id),
            (ApprovalVoted.EventKind, Carol.Id),
            (ApprovalAttemptRefused.EventKind, Carol.Id),
            (ApprovalVoted.EventKind, Dan.Id),
        ]);
        var records = await _teams.Factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(_teams.TenantId, incident);
        Assert.Equal(2, records.Count(r => r.Kind == ApprovalVoted.EventKind));
        Assert.Contains(records, r => r.Kind == ApprovalAttemptRefused.EventKind && r.Actor.UserId == Carol.Id && r.Reason!.Contains("already decided", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declare_ShowsTheDeclarerAsCommander_AndCloseByAMemberIsRefusedAndInTheLog()
    {
        var declared = await Shown(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01");
        var incident = await IncidentIdAsync();

        var status = await Shown(Bob, "status");
        var refused = await Shown(Bob, "close");
        var log = await Shown(Bob, "log");

        Assert.Contains("Alice", declared, StringComparison.Ordinal);
        Assert.Contains("commander", status, StringComparison.Ordinal);
        Assert.Contains("Alice", status, StringComparison.Ordinal);
        Assert.DoesNotContain("unassigned", status.Split('\n').First(l => l.Contains("commander", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains($"Only the commander (Alice) may run 'close' in {incident}", refused, StringComparison.Ordinal);
        Assert.Contains("Refused attempt to close", log, StringComparison.Ordinal);
        Assert.Contains($"Only the commander (Alice) may run 'close'", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WithOpenItemsNeedsForce_ForceRecordsTheReason_RoleRemoveIsRecorded()
    {
        var incident = await DeclareAsync();
        await Shown(Alice, "role approver @Bob", Bob);

        var removed = await Shown(Alice, "role remove approver @Bob", Bob);
        var refused = await Shown(Alice, "close");
        var closed = await Shown(Alice, "close --force \"False positive: the scanner misread the build number\"");

        Assert.Contains($"Bob is no longer approver of {incident}", removed, StringComparison.Ordinal);
        Assert.Contains($"{incident} cannot close: phases with open items: assess:", refused, StringComparison.Ordinal);
        Assert.Contains("close --force \"WHY\"", refused, StringComparison.Ordinal);
        Assert.Contains($"{incident} is closed", closed, StringComparison.Ordinal);
        var records = await _teams.Factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(_teams.TenantId, incident);
        Assert.Contains(records, r => r.Kind == RoleRemoved.EventKind && r.Actor.UserId == Alice.Id);
        var close = Assert.Single(records, r => r.Kind == IncidentClosed.EventKind);
        Assert.Equal("False positive: the scanner misread the build number", close.Reason);
    }

    private async Task<string> DeclareAsync()
    {
        await Shown(Alice, "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01");
        return await IncidentIdAsync();
    }

    private async Task<string> IncidentIdAsync()
    {
        var incident = await _teams.Factory.Services.GetRequiredService<IIncidentDirectory>()
            .FindAsync(new ConversationKey(ChannelKind.Teams, _teams.TenantId, _teams.ConversationId.Split(';')[0]));
        Assert.NotNull(incident);
        return incident;
    }

    private async Task<string> Shown(TeamsUser user, string text, params TeamsUser[] mentioned)
    {
        var replies = await _teams.SayAsync(user, text, mentioned);
        Assert.NotEmpty(replies);
        return string.Join('\n', replies.Select(r => r.Shown));
    }

    private Task<GateStatus> GateAsync(string incident) => GateApi.GetAsync(_teams.Client, TeamsChannelDriver.GateToken, _teams.TenantId, incident, Patch);

    private static JsonObject ApprovalData(string incident, string version) =>
        new() { ["incidentId"] = incident, ["approvalId"] = "A1", ["version"] = version };
}
