using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// Two bot instances on one storage account (same table prefix), approval clicks arriving on both at once as
/// Teams Action.Execute invokes: one consistent outcome as policy allows, an intact chain, every click either counted
/// or refused on the record (none lost, none twice).
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TwoInstanceApprovalTests(TwoInstanceApprovalTests.Twins twins) : IClassFixture<TwoInstanceApprovalTests.Twins>
{
    private static readonly Actor Alice = ChannelHost.TeamsActor("29:alice");

    public sealed class Twins : IAsyncLifetime
    {
        private readonly string _prefix = "twin" + Guid.NewGuid().ToString("N")[..16];

        public ChannelHost A { get; private set; } = null!;

        public ChannelHost B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            A = await ChannelHost.StartAsync(_prefix);
            B = await ChannelHost.StartAsync(_prefix);
        }

        public async Task DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoApproversOnTwoInstances_BothCountedOrRefusedOnce_OutcomeFollowsPolicy()
    {
        var (conversation, incident) = await RequestApprovalAsync();

        var (onA, onB) = await ClickTogetherAsync(conversation, incident, ("approval.approve", "29:bob"), ("approval.approve", "29:carol"));

        Assert.Equal(HttpStatusCode.OK, onA);
        Assert.Equal(HttpStatusCode.OK, onB);
        var (approval, records) = await ReadAsync(incident);
        AssertConsistent(approval, records, clicks: 2);
        Assert.Equal(Math.Min(2, approval.Votes.Count), approval.ApprovalCount);
        Assert.Equal(approval.ApprovalCount >= approval.RequiredApprovals ? ApprovalStatus.Approved : ApprovalStatus.Pending, approval.Status);
    }

    [Fact]
    public async Task ApproveAndRejectOnTwoInstances_OneConsistentOutcome()
    {
        var (conversation, incident) = await RequestApprovalAsync();

        await ClickTogetherAsync(conversation, incident, ("approval.approve", "29:bob"), ("approval.reject", "29:carol"));

        var (approval, records) = await ReadAsync(incident);
        AssertConsistent(approval, records, clicks: 2);
        var expected = approval.Votes.Any(v => !v.Approved) ? ApprovalStatus.Rejected
            : approval.ApprovalCount >= approval.RequiredApprovals ? ApprovalStatus.Approved : ApprovalStatus.Pending;
        Assert.Equal(expected, approval.Status);
    }

    [Fact]
    public async Task SameApproverOnBothInstances_CountedOnce()
    {
        var (conversation, incident) = await RequestApprovalAsync();

        await ClickTogetherAsync(conversation, incident, ("approval.approve", "29:bob"), ("approval.approve", "29:bob"));

        var (approval, records) = await ReadAsync(incident);
        AssertConsistent(approval, records, clicks: 2);
        Assert.Single(approval.Votes);
    }

    private static void AssertConsistent(ApprovalRequest approval, IReadOnlyList<DecisionRecord> records, int clicks)
    {
        Assert.True(HashChain.Verify(records).IsIntact, HashChain.Verify(records).Problem);
        var voted = records.Count(r => r.Kind == ApprovalVoted.EventKind);
        var refused = records.Count(r => r.Kind == ApprovalAttemptRefused.EventKind);
        Assert.Equal(approval.Votes.Count, voted);
        Assert.Equal(clicks, voted + refused);
        Assert.Equal(approval.Votes.Count, approval.Votes.Select(v => v.Approver.UserId).Distinct().Count());
    }

    private async Task<(HttpStatusCode OnA, HttpStatusCode OnB)> ClickTogetherAsync(string conversation, string incident, (string Verb, string User) first, (string Verb, string User) second)
    {
        // Both requests are in flight before either is answered; each instance reads, decides and commits on its own.
        var onA = PostClickAsync(twins.A, conversation, incident, first);
        var onB = PostClickAsync(twins.B, conversation, incident, second);
        using var a = await onA;
        using var b = await onB;
        return (a.StatusCode, b.StatusCode);
    }

    private static Task<HttpResponseMessage> PostClickAsync(ChannelHost host, string conversation, string incident, (string Verb, string User) click)
    {
        var data = new JsonObject { ["incidentId"] = incident, ["approvalId"] = "A1", ["version"] = "1" };
        if (click.Verb == "approval.reject")
        {
            data["reason"] = "not in this window";
        }

        return host.PostTeamsAsync(host.TeamsCardClick(click.Verb, data, conversation, click.User));
    }

    private async Task<(string Conversation, string Incident)> RequestApprovalAsync()
    {
        var conversation = "19:twin-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var key = ChannelHost.TeamsChannel(conversation);
        var a = twins.A;
        var declared = WorkflowText(await a.DispatchAsync(key, "declare \"Twin instances\" --systems web01", Alice));
        var incident = System.Text.RegularExpressions.Regex.Match(declared, "INC-[0-9]{4}-[0-9]+").Value;
        await a.DispatchAsync(key, "patch add KB1 \"Hotfix\" --systems web01 --rollback \"revert\"", Alice);
        await a.DispatchAsync(key, "test KB1 pass --evidence https://ci.example.com/1", Alice);
        await a.DispatchAsync(key, "role approver @29:bob", Alice, new MentionedUser("29:bob", "bob"));
        await a.DispatchAsync(key, "role approver @29:carol", Alice, new MentionedUser("29:carol", "carol"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var requested = WorkflowText(await a.DispatchAsync(key, $"deploy request KB1 --window {start}/PT2H", Alice));
        Assert.False(string.IsNullOrEmpty(incident), declared);
        Assert.Contains("KB1", requested, StringComparison.Ordinal);
        return (conversation, incident);
    }

    private async Task<(ApprovalRequest Approval, IReadOnlyList<DecisionRecord> Records)> ReadAsync(string incident)
    {
        var store = twins.B.Services.GetRequiredService<IIncidentStore>();
        var snapshot = await store.GetAsync(ChannelHost.TeamsTenant, incident);
        return (Assert.Single(snapshot!.Incident.Approvals), await store.GetDecisionsAsync(ChannelHost.TeamsTenant, incident));
    }

    private static string WorkflowText(CommandResult result) => string.Join("\n", result.Replies.Select(r => r.View.FallbackText));
}
