using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>Typed <c>approve A1</c> / <c>reject A1 "why"</c>: the button's rules and records, for clients without per-user cards.</summary>
public sealed class TypedApprovalTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: new Dictionary<string, string?> { ["Policy:RequiredApprovals"] = "2" });

    [Fact]
    public async Task Approve_TwoDistinctApprovers_TakeItToApproved()
    {
        await RequestAsync();

        var first = await _h.SayAsync("approve A1", Bob);
        var second = await _h.SayAsync("approve a1", Carol);

        Assert.Equal(ApprovalCardStatus.Pending, Assert.IsType<ApprovalRequestView>(first.Replies[0].View).Status);
        var card = Assert.IsType<ApprovalRequestView>(second.Replies[0].View);
        Assert.Equal(ApprovalCardStatus.Approved, card.Status);
        Assert.Equal(["Bob", "Carol"], card.Approvals.Select(a => a.Approver));
    }

    [Fact]
    public async Task Approve_SamePersonTwice_IsRefusedAndRecordedAsAnAttempt()
    {
        await RequestAsync();
        await _h.SayAsync("approve A1", Bob);

        var again = await _h.SayAsync("approve A1", Bob);

        Assert.True(IsError(again));
        Assert.Contains("You already decided on A1; each approver counts once.", Text(again), StringComparison.Ordinal);
        var records = await Records();
        Assert.Single(records, r => r.Kind == "approval.voted");
        Assert.Single(records, r => r.Kind == "approval.attempt-refused" && r.Actor.UserId == "29:bob");
    }

    [Fact]
    public async Task Approve_ByTheRequester_IsRefusedWithTheButtonsWords()
    {
        await RequestAsync();
        await _h.SayAsync("role approver @29:alice");

        var own = await _h.SayAsync("approve A1", Alice);

        Assert.Contains("You requested A1; someone else must approve or reject it.", Text(own), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByANonApprover_IsRefusedAndRecorded()
    {
        await RequestAsync();
        var dan = Carol with { UserId = "29:dan", DisplayName = "Dan" };

        var reply = await _h.SayAsync("approve A1", dan);

        Assert.Contains("Only an approver (Bob, Carol) may run 'approve' in INC-2026-0001", Text(reply), StringComparison.Ordinal);
        Assert.Contains(await Records(), r => r.Kind == "approval.attempt-refused" && r.Actor.UserId == "29:dan");
    }

    [Fact]
    public async Task Reject_WithAReason_RejectsAndRecordsTheReasonLikeTheButton()
    {
        await RequestAsync();

        var reply = await _h.SayAsync("reject A1 \"Payroll run tonight\"", Bob);

        Assert.Equal(ApprovalCardStatus.Rejected, Assert.IsType<ApprovalRequestView>(reply.Replies[0].View).Status);
        var vote = Assert.Single(await Records(), r => r.Kind == "approval.voted");
        Assert.Equal("Payroll run tonight", vote.Reason);
        Assert.Contains("\"approved\":false", vote.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_UnknownApproval_SaysWhichAreWaiting()
    {
        await RequestAsync();

        var reply = await _h.SayAsync("approve A9", Bob);

        Assert.Contains("There is no approval request A9 in INC-2026-0001 (waiting: A1)", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(await Records(), r => r.Kind.StartsWith("approval.attempt", StringComparison.Ordinal));
    }

    public void Dispose() => _h.Dispose();

    private async Task RequestAsync()
    {
        await _h.SayAsync("declare \"Exchange\" --systems mail01");
        await _h.SayAsync("patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"");
        await _h.SayAsync("test KB1 pass --env staging --evidence https://ci.example.com/1");
        await _h.SayAsync("role approver @29:bob");
        await _h.SayAsync("role approver @29:carol");
        var card = await _h.SayAsync("deploy request KB1 --window +15m/PT2H");
        Assert.False(IsError(card), Text(card));
    }

    private Task<IReadOnlyList<DecisionRecord>> Records() => _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
}
