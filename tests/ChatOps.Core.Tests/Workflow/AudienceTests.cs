using ChatOps.Core.Notifications;
using ChatOps.Core.Workflow;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>Who a notice reaches: the incident's audience members, open self-subscriptions, tenant-wide only where configured.</summary>
public sealed class AudienceTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: new Dictionary<string, string?> { ["Notifications:Audiences:users:Open"] = "true" });

    [Fact]
    public async Task AudienceAdd_ByCommander_MemberReceivesTheNextNotice()
    {
        await _h.SayAsync("declare \"x\"");

        var added = await _h.SayAsync("audience add management @29:carol");
        var sent = await _h.SayAsync("notify management \"Patching tonight\"");
        var sender = await DrainAsync();

        Assert.Contains("Carol will receive INC-2026-0001's management updates", Text(added), StringComparison.Ordinal);
        Assert.Contains("is on its way to management (1 recipient)", Text(sent), StringComparison.Ordinal);
        Assert.Contains(sender.Sent, s => s.Recipient.Id == "29:carol" && s.View is Views.StatusUpdateView { Message: "Patching tonight" });
    }

    [Fact]
    public async Task AudienceAdd_ByAMemberWithoutRole_IsRefusedNamingWhoMayAndRecordedAsAnAttempt()
    {
        await _h.SayAsync("declare \"x\"");
        var before = await CountAsync();

        var reply = await _h.SayAsync("audience add management @29:carol", Bob);

        Assert.True(IsError(reply));
        Assert.Contains("Only comms (nobody holds it yet) or the commander (Alice) may run 'audience add' in INC-2026-0001", Text(reply), StringComparison.Ordinal);
        Assert.Contains("role comms @USER", Text(reply), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync());
        Assert.Empty((await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.MembersOf("management"));
    }

    [Fact]
    public async Task AudienceAdd_ByComms_IsAccepted()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("role comms @29:bob");

        var reply = await _h.SayAsync("audience add it @29:carol", Bob);

        Assert.False(IsError(reply), Text(reply));
    }

    [Fact]
    public async Task AudienceRemove_Member_NoLongerReceivesNotices()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("audience add management @29:carol");

        await _h.SayAsync("audience remove management @29:carol");
        var sent = await _h.SayAsync("notify management \"Later\"");

        Assert.Contains("reaches nobody", Text(sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_ToAnEmptyAudience_SaysSoInTheReplyAndTellsHowToAddRecipients()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.SayAsync("notify management \"Nobody hears this\"");

        Assert.Equal("⚠️ INC-2026-0001: update N2 reaches nobody. Nobody is in management. Add people with: audience add management @user (comms or commander), then send it again.", Text(reply));
    }

    [Fact]
    public async Task Notify_ToAnEmptyAudience_TellsTheChannelAndRecordsIt()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("notify management \"Nobody hears this\"");

        var sender = await DrainAsync();

        Assert.Contains(sender.Sent, s => s.Recipient.Kind == RecipientKind.Conversation
            && s.View.FallbackText.StartsWith("⚠️ Update N2 reached nobody in management", StringComparison.Ordinal)
            && s.View.FallbackText.Contains("audience add management @user", StringComparison.Ordinal));
        var notice = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.FindNotice("N2")!;
        Assert.Equal(["management"], notice.ReachedNobody);
    }

    [Fact]
    public async Task Notify_Typo_IsRefusedWithTheNearestAudienceAndSendsNothing()
    {
        await _h.SayAsync("declare \"x\"");
        var outbox = _h.Storage.Incidents.Outbox.Count;

        var reply = await _h.SayAsync("notify managment \"hi\"");

        Assert.True(IsError(reply));
        Assert.Contains("did you mean management?", Text(reply), StringComparison.Ordinal);
        Assert.Equal(outbox, _h.Storage.Incidents.Outbox.Count);
    }

    [Fact]
    public async Task Subscribe_OpenAudience_AddsTheActorToThisIncidentOnly()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.SayAsync("subscribe users", Bob);

        Assert.Contains("Bob, you will receive INC-2026-0001's users updates", Text(reply), StringComparison.Ordinal);
        var incident = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        Assert.Equal(["29:bob"], incident.MembersOf("users").Select(m => m.UserId));
        Assert.Empty(await _h.Storage.Subscriptions.ListAsync(Core.Identity.ChannelKind.Teams, Tenant, "users"));
    }

    [Fact]
    public async Task Subscribe_AudienceNotOpen_IsRefusedWithHowToBeAdded()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.SayAsync("subscribe management", Bob);

        Assert.True(IsError(reply));
        Assert.Contains("management is not open for self-subscription. Ask comms or the commander to add you: audience add management @Bob", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeTenantWide_NotConfigured_IsRefused()
    {
        var reply = await _h.SayAsync("subscribe users --tenant", Bob);

        Assert.Contains("users is not configured for tenant-wide subscriptions", Text(reply), StringComparison.Ordinal);
        Assert.Empty(await _h.Storage.Subscriptions.ListAsync(Core.Identity.ChannelKind.Teams, Tenant, "users"));
    }

    [Fact]
    public async Task StoredTenantSubscription_AudienceNotTenantWide_ReachesNobody()
    {
        // A subscription stored before tenant-wide ones had to be configured no longer leaks other incidents' updates.
        await _h.Storage.Subscriptions.SubscribeAsync(Core.Identity.ChannelKind.Teams, Tenant, "management", "29:mallory");
        await _h.SayAsync("declare \"x\"");

        var sender = await DrainAsync();

        Assert.DoesNotContain(sender.Sent, s => s.Recipient.Id == "29:mallory");
    }

    public void Dispose() => _h.Dispose();

    private async Task<int> CountAsync() => (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001")).Count;

    private async Task<RecordingSender> DrainAsync()
    {
        var sender = new RecordingSender();
        var dispatcher = new NotificationDispatcher(_h.Storage.Deliveries, _h.Services.GetRequiredService<AudienceDirectory>(), [sender],
            _h.Services.GetRequiredService<WorkflowServices>(), _h.Services.GetRequiredService<IOptions<NotificationOptions>>(), NullLogger<NotificationDispatcher>.Instance);
        for (var pass = 0; pass < 10 && await dispatcher.RunOnceAsync() > 0; pass++)
        {
        }

        return sender;
    }
}
