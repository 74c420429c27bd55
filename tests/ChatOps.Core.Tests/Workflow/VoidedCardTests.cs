using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>
/// A change that voids or expires an approval — typed, clicked, or the window simply ending — replaces the approval
/// card where it was posted (through the channel's <see cref="IPostedCardUpdater"/>).
/// </summary>
public sealed class VoidedCardTests : IDisposable
{
    private static readonly PostedCard Posted = new(ChannelKind.Teams, Tenant, "19:incident@thread.tacv2", "activity-7", "https://smba.example/amer/");
    private readonly RecordingCardUpdater _updater = new();
    private readonly InMemoryPostedCardStore _cards = new();
    private readonly WorkflowHarness _h;

    public VoidedCardTests() => _h = new WorkflowHarness(configure: services => services
        .AddSingleton<IPostedCardStore>(_cards)
        .AddSingleton<IPostedCardUpdater>(_updater));

    [Fact]
    public async Task TypedTestFail_VoidsApproval_PostedCardUpdatedWithTheReason()
    {
        await RequestAsync();

        var reply = await _h.SayAsync("test KB1 fail --env staging");

        Assert.False(IsError(reply));
        var (card, view) = Assert.Single(_updater.Updates);
        Assert.Equal(Posted, card);
        Assert.Equal(("A1", ApprovalCardStatus.Voided), (view.ApprovalId, view.Status));
        Assert.Contains("the test evidence of KB1 changed", view.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandAfterWindowEnd_ExpiresApproval_PostedCardSaysExpired()
    {
        await RequestAsync();
        _h.Time.Advance(TimeSpan.FromHours(3));

        await _h.SayAsync("decision \"Hold the deployment\" --because \"waiting for the vendor\"");

        var (_, view) = Assert.Single(_updater.Updates);
        Assert.Equal(ApprovalCardStatus.Expired, view.Status);
        Assert.Contains("window ended", view.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAfterWindowEnd_ExpiresWithoutAnyCommand_AndUpdatesTheCardOnce()
    {
        await RequestAsync();
        var sweep = _h.Services.GetRequiredService<ApprovalExpirySweep>();
        var early = await sweep.RunOnceAsync();
        _h.Time.Advance(TimeSpan.FromHours(2));

        var expired = await sweep.RunOnceAsync();
        var again = await sweep.RunOnceAsync();

        Assert.Equal((0, 1, 0), (early, expired, again));
        var (_, view) = Assert.Single(_updater.Updates);
        Assert.Equal(ApprovalCardStatus.Expired, view.Status);
        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        Assert.Equal(ApprovalExpirySweep.ActorId, Assert.Single(records, r => r.Kind == "approval.voided").Actor.UserId);
    }

    [Fact]
    public async Task ClickAfterWindowEnd_RefusedAndPostedCardSaysExpired()
    {
        await RequestAsync();
        _h.Time.Advance(TimeSpan.FromHours(3));

        var reply = await _h.ClickAsync("approval.approve", new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["approvalId"] = "A1", ["version"] = "1" }, Bob);

        Assert.True(IsError(reply));
        Assert.Equal(ApprovalCardStatus.Expired, Assert.Single(_updater.Updates).View.Status);
    }

    [Fact]
    public async Task ChangeThatVoidsNothing_LeavesTheCardAlone()
    {
        await RequestAsync();

        await _h.SayAsync("decision \"Deploy tonight\"");

        Assert.Empty(_updater.Updates);
    }

    [Fact]
    public async Task UpdaterFails_VoidStillRecordedAndCommandAnswered()
    {
        await RequestAsync();
        _updater.Fail = true;

        var reply = await _h.SayAsync("test KB1 fail --env staging");

        Assert.False(IsError(reply));
        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        Assert.Single(records, r => r.Kind == "approval.voided");
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
        await _cards.RecordAsync(PostedCardKeys.For(requested.Replies[0].View)!, Posted);
    }

    private sealed class RecordingCardUpdater : IPostedCardUpdater
    {
        public List<(PostedCard Card, ApprovalRequestView View)> Updates { get; } = [];

        public bool Fail { get; set; }

        public ChannelKind Channel => ChannelKind.Teams;

        public Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default)
        {
            if (Fail)
                throw new HttpRequestException("connector down");
            Updates.Add((card, (ApprovalRequestView)view));
            return Task.CompletedTask;
        }
    }
}
