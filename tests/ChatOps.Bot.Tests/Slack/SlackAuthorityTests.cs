using System.Globalization;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Gates;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>
/// Two required approvals and the authority matrix through Slack's signed endpoints (slash commands and block_actions),
/// with <c>Policy:RequiredApprovals=2</c> and storage on Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class SlackAuthorityTests : IAsyncLifetime
{
    private const string Patch = "KB5001779";
    private static readonly SlackPerson Alice = new("U0ALICE", "alice");
    private static readonly SlackPerson Bob = new("U0BOB", "bob");
    private static readonly SlackPerson Carol = new("U0CAROL", "carol");
    private static readonly SlackPerson Dan = new("U0DAN", "dan");
    private SlackChannelDriver _slack = null!;

    public async Task InitializeAsync() =>
        _slack = await SlackChannelDriver.StartAsync(settings: new Dictionary<string, string> { ["Policy:RequiredApprovals"] = "2" });

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task TwoRequiredApprovals_TwoDistinctApproversApprove_SecondClickAndOwnRequestAreRefusedAndRecorded()
    {
        var incident = await DeclareAsync();
        await _slack.CommandAsync(Alice, $"patch add {Patch} \"Exchange security update\" --systems mail01 --rollback \"Uninstall {Patch}\"", "patch status");
        await _slack.CommandAsync(Alice, $"test {Patch} pass --env staging --evidence https://ci.example.org/runs/42", $"Test of {Patch}: pass");
        foreach (var person in new[] { Bob, Carol, Dan })
        {
            await _slack.CommandAsync(Alice, $"role approver <@{person.Id}|{person.Name}>", $"{person.Name} is now approver");
        }

        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var card = await _slack.CommandAsync(Bob, $"deploy request {Patch} --window {start}/PT2H", "Waiting for approval: 0 of 2");

        await _slack.ClickAsync(Bob, card, "approval.approve");
        var own = await _slack.NextAsync(c => c.Method.StartsWith("response_url:click-", StringComparison.Ordinal), "the answer to Bob's own click");
        await _slack.ClickAsync(Carol, card, "approval.approve");
        var afterCarol = await _slack.NextAsync(c => c.Method == "chat.update" && c.Text.Contains("1 of 2", StringComparison.Ordinal), "the card after Carol's approval");
        var shownToCarol = card with { Body = afterCarol.Body };
        await _slack.ClickAsync(Carol, shownToCarol, "approval.approve");
        var again = await _slack.NextAsync(c => c.Method.StartsWith("response_url:click-", StringComparison.Ordinal), "the answer to Carol's second click");
        var gateAfterOne = await GateAsync(incident);
        await _slack.ClickAsync(Dan, shownToCarol, "approval.approve");
        var approved = await _slack.NextAsync(c => c.Method == "chat.update" && c.Text.Contains("Approved", StringComparison.Ordinal), "the card approved by Dan");

        Assert.Contains("You requested A1; someone else must approve or reject it.", own.Text, StringComparison.Ordinal);
        Assert.Contains("You already decided on A1; each approver counts once.", again.Text, StringComparison.Ordinal);
        Assert.Equal("ephemeral", again.Body["response_type"]?.ToString());
        Assert.NotEqual("approved", gateAfterOne.State);
        Assert.Equal((SlackChannelDriver.ChannelId, card.Ts), (approved.Body["channel"]!.ToString(), approved.Body["ts"]!.ToString()));
        Assert.False(approved.HasButton("approval.approve"));
        var gate = await GateAsync(incident);
        Assert.Equal(("approved", "A1"), (gate.State, gate.ApprovalId));
        Assert.Equal(["carol", "dan"], gate.Approvers);
        await DecisionLogAssert.ContainsInOrderAsync(_slack.Factory.Services, SlackChannelDriver.TeamId, incident,
        [
            (ApprovalRequested.EventKind, Bob.Id),
            (ApprovalAttemptRefused.EventKind, Bob.Id),
            (ApprovalVoted.EventKind, Carol.Id),
            (ApprovalAttemptRefused.EventKind, Carol.Id),
            (ApprovalVoted.EventKind, Dan.Id),
        ]);
    }

    [Fact]
    public async Task CloseByAMemberIsRefusedAndLogged_OpenItemsNeedForce_ForceRecordsTheReason()
    {
        var incident = await DeclareAsync();

        var status = await _slack.CommandAsync(Bob, "status", incident);
        var refused = await _slack.CommandAsync(Bob, "close", "may run 'close'");
        var log = await _slack.CommandAsync(Bob, "log", "Refused attempt to close");
        var open = await _slack.CommandAsync(Alice, "close", "cannot close");
        await _slack.CommandAsync(Alice, "close --force \"Duplicate of INC-2026-0001\"", $"{incident} is closed");

        Assert.Contains("alice", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("unassigned", status.Text.Split('\n').First(l => l.Contains("commander", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains($"Only the commander (alice) may run 'close' in {incident}", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Only the commander (alice)", log.Text, StringComparison.Ordinal);
        Assert.Contains("phases with open items", open.Text, StringComparison.Ordinal);
        var records = await _slack.Factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(SlackChannelDriver.TeamId, incident);
        Assert.Contains(records, r => r.Kind == AttemptRefused.EventKind && r.Actor.UserId == Bob.Id);
        Assert.Equal("Duplicate of INC-2026-0001", Assert.Single(records, r => r.Kind == IncidentClosed.EventKind).Reason);
    }

    private async Task<string> DeclareAsync()
    {
        await _slack.CommandAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01", "INC-");
        var incident = await _slack.Factory.Services.GetRequiredService<IIncidentDirectory>()
            .FindAsync(new ConversationKey(ChannelKind.Slack, SlackChannelDriver.TeamId, SlackChannelDriver.ChannelId));
        Assert.NotNull(incident);
        return incident;
    }

    private Task<GateStatus> GateAsync(string incident) => GateApi.GetAsync(_slack.Client, SlackChannelDriver.GateToken, SlackChannelDriver.TeamId, incident, Patch);
}
