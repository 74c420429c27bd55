using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>A typed change (or the window's end) that voids an approval answers with the card to update where it was posted.</summary>
public sealed class VoidedCardTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task TypedTestFail_VoidsApproval_RepliesWithVoidedCardToUpdateInPlace()
    {
        await RequestAsync();

        var reply = await _h.SayAsync("test KB1 fail --env staging");

        var update = Assert.Single(reply.Replies, r => r.Mode == ReplyMode.UpdatePosted);
        var card = Assert.IsType<ApprovalRequestView>(update.View);
        Assert.Equal(("A1", ApprovalCardStatus.Voided), (card.ApprovalId, card.Status));
        Assert.Contains("the test evidence of KB1 changed", card.StatusReason, StringComparison.Ordinal);
        Assert.Contains(reply.Replies, r => r.Mode == ReplyMode.Post && r.View is TextView);
    }

    [Fact]
    public async Task CommandAfterWindowEnd_ExpiresApproval_RepliesWithExpiredCard()
    {
        await RequestAsync();
        _h.Time.Advance(TimeSpan.FromHours(3));

        var reply = await _h.SayAsync("decision \"Hold the deployment\" --because \"waiting for the vendor\"");

        var card = Assert.IsType<ApprovalRequestView>(Assert.Single(reply.Replies, r => r.Mode == ReplyMode.UpdatePosted).View);
        Assert.Equal(ApprovalCardStatus.Expired, card.Status);
        Assert.Contains("window ended", card.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickAfterWindowEnd_RefusedAndExpiredCardUpdated()
    {
        await RequestAsync();
        _h.Time.Advance(TimeSpan.FromHours(3));

        var reply = await _h.ClickAsync("approval.approve", new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["approvalId"] = "A1", ["version"] = "1" }, Bob);

        Assert.True(IsError(reply));
        Assert.Equal(ApprovalCardStatus.Expired, Assert.IsType<ApprovalRequestView>(Assert.Single(reply.Replies, r => r.Mode == ReplyMode.UpdatePosted).View).Status);
    }

    [Fact]
    public async Task ChangeThatVoidsNothing_HasNoCardUpdate()
    {
        await RequestAsync();

        var reply = await _h.SayAsync("decision \"Deploy tonight\"");

        Assert.DoesNotContain(reply.Replies, r => r.Mode == ReplyMode.UpdatePosted);
    }

    public void Dispose() => _h.Dispose();

    private async Task RequestAsync()
    {
        await _h.SayAsync("declare \"Exchange\" --systems mail01");
        await _h.SayAsync("patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"");
        await _h.SayAsync("test KB1 pass --env staging --evidence https://ci.example.com/1");
        await _h.SayAsync("role approver @29:bob");
        var requested = await _h.SayAsync("deploy request KB1 --window 2026-11-27T22:00Z/PT2H");
        Assert.False(IsError(requested), Text(requested));
    }
}
