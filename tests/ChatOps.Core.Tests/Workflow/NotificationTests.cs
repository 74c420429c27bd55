using ChatOps.Core.Notifications;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

public sealed class NotificationTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: new Dictionary<string, string?>
    {
        ["Notifications:RetryDelay"] = "00:00:01",
        ["Notifications:MaxAttempts"] = "3",
        // These tests fill the tenant-wide subscription store directly, which only counts where configured.
        ["Notifications:Audiences:it:TenantWide"] = "true",
        ["Notifications:Audiences:management:TenantWide"] = "true",
        ["Notifications:Audiences:users:TenantWide"] = "true",
    });

    [Fact]
    public async Task Notify_WritesOneOutboxRowPerAudienceInTheSameChange()
    {
        await _h.SayAsync("declare \"x\"");
        var before = _h.Storage.Incidents.Commits;

        await _h.SayAsync("notify all \"Patching tonight\"");

        Assert.Equal(before + 1, _h.Storage.Incidents.Commits);
        var rows = _h.Storage.Incidents.Outbox.Select(o => Notice.Read(o.Payload)).Where(n => n.Update?.Message == "Patching tonight").ToList();
        Assert.Equal(["it", "management", "users"], rows.Select(r => r.Audience).Order());
        Assert.Equal(NoticeAudience.Management, rows.Single(r => r.Audience == "management").Update!.Audience);
    }

    [Fact]
    public async Task Declaration_NotifiesItAndManagementAutomatically()
    {
        await _h.SayAsync("declare \"Ransomware\" --sev sev1");

        var notice = Notice.Read(Assert.Single(_h.Storage.Incidents.Outbox, o => Notice.Read(o.Payload).Audience == "management").Payload);
        Assert.Contains("Incident declared: Ransomware (sev1)", notice.Update!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FanOut_500RecipientsWithInjectedFailures_ReachesEveryoneWithoutGaps()
    {
        await Subscribe(500, "it");
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("notify it \"Patch window 22:00\"");
        // Every 7th recipient is throttled once (429), every 11th fails twice (503).
        var attempts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var sender = new RecordingSender
        {
            Fail = (r, _) =>
            {
                var n = int.Parse(r.Id[4..], System.Globalization.CultureInfo.InvariantCulture);
                var attempt = attempts.AddOrUpdate(r.Key, 1, (_, a) => a + 1);
                return (n % 7 == 0 && attempt == 1) ? new DeliveryException("429 Too Many Requests")
                    : (n % 11 == 0 && attempt <= 2) ? new HttpRequestException("503 Service Unavailable") : null;
            },
        };
        var dispatcher = Dispatcher(sender);

        await DrainAsync(dispatcher);

        var reached = sender.Sent.Where(s => s.View is StatusUpdateView { Message: "Patch window 22:00" }).Select(s => s.Recipient.Id).ToList();
        Assert.Equal(500, reached.Distinct().Count());
        Assert.Equal(500, reached.Count);
        Assert.All(_h.Storage.Deliveries.All.Where(d => d.NoticeId == "N2"), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Dispatcher_StoppedMidRunAndRestarted_DeliversTheRest()
    {
        await Subscribe(60, "management");
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("notify management \"Status\"");
        var first = new RecordingSender();
        using (var stop = new CancellationTokenSource())
        {
            first.Fail = (_, call) =>
            {
                if (call == 20)
                {
                    stop.Cancel();
                }

                return null;
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(first).RunOnceAsync(stop.Token));
        }

        // A new instance picks up after the dead one's leases end.
        _h.Time.Advance(TimeSpan.FromMinutes(2));
        var second = new RecordingSender();
        await DrainAsync(Dispatcher(second));

        var all = first.Sent.Concat(second.Sent).Where(s => s.View is StatusUpdateView { Message: "Status" }).Select(s => s.Recipient.Id).ToList();
        Assert.Equal(60, all.Distinct().Count());
        Assert.True(second.Sent.Count > 0);
    }

    [Fact]
    public async Task TwoDispatchers_NeverSendTheSameRowAtOnce()
    {
        await Subscribe(100, "it");
        await _h.SayAsync("declare \"x\"");
        var sender = new RecordingSender { Delay = TimeSpan.FromMilliseconds(2) };

        // No clock moves here: a lease only ends when its time passes, and no send fails.
        await DrainTogetherAsync(Dispatcher(sender), Dispatcher(sender));

        Assert.Equal(0, sender.Overlaps);
        Assert.Equal(100, sender.Sent.Count(s => s.Recipient.Kind == RecipientKind.User));
    }

    [Fact]
    public async Task Undeliverable_IsDeadLetteredAndTheChannelIsTold()
    {
        await Subscribe(2, "it");
        await _h.SayAsync("declare \"x\"");
        var sender = new RecordingSender { Fail = (r, _) => r.Id == "29:s0" ? new DeliveryException("user blocked the bot", permanent: true) : null };

        await DrainAsync(Dispatcher(sender));

        var incident = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        Assert.Equal(["29:s0"], incident.Notices[0].Undeliverable);
        Assert.Contains(sender.Sent, s => s.Recipient.Kind == RecipientKind.Conversation && s.View.FallbackText.Contains("could not reach 29:s0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledge_IsRecordedOncePerPerson()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("notify users \"Maintenance tonight\"");
        var dm = Channel with { ConversationId = "a:dm-carol" };
        var data = new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["noticeId"] = "N2" };

        var first = await _h.ClickAsync("notice.ack", data, Carol, dm);
        var second = await _h.ClickAsync("notice.ack", data, Carol, dm);
        var intruder = await _h.ClickAsync("notice.ack", data, Carol with { TenantId = "other" }, dm with { TenantId = "other" });

        Assert.Contains("acknowledgement of INC-2026-0001 is recorded", Text(first), StringComparison.Ordinal);
        Assert.Contains("already acknowledged", Text(second), StringComparison.Ordinal);
        Assert.True(IsError(intruder));
        var notice = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.FindNotice("N2")!;
        Assert.Equal("Carol", Assert.Single(notice.Acknowledgements).Person.DisplayName);
    }

    [Fact]
    public async Task Status_ShowsWhoHasAndHasNotAcknowledgedTheLatestNotice()
    {
        await Subscribe(2, "users");
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("notify users \"Maintenance tonight\"");
        await DrainAsync(Dispatcher(new RecordingSender()));
        await _h.ClickAsync("notice.ack", new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["noticeId"] = "N2" },
            Carol with { UserId = "29:s0", DisplayName = "Sam" }, Channel with { ConversationId = "a:dm" });

        var status = await _h.SayAsync("status");

        var card = Assert.IsType<IncidentSummaryView>(status.Replies[0].View);
        Assert.Equal([("Sam", true), ("29:s1", false)], card.Acknowledgements.Select(a => (a.DisplayName, a.Acknowledged)));
    }

    [Fact]
    public async Task Reminder_AfterTheInterval_OncePerSilenceIntervalWhateverElseChanges()
    {
        await _h.SayAsync("declare \"x\" --sev sev1");
        await _h.SayAsync("role comms @29:carol");
        var reminder = _h.Services.GetRequiredService<CommsReminder>();

        _h.Time.Advance(TimeSpan.FromMinutes(29));
        var early = await reminder.RunOnceAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(2));
        var due = await reminder.RunOnceAsync();
        var changes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            await _h.SayAsync($"decision \"step {i}\"");
            _h.Time.Advance(TimeSpan.FromMinutes(1));
            changes.Add(await reminder.RunOnceAsync());
        }

        _h.Time.Advance(TimeSpan.FromMinutes(25));
        var nextInterval = await reminder.RunOnceAsync();

        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 1], new[] { early, due }.Concat(changes).Append(nextInterval));
    }

    [Fact]
    public async Task Reminder_WhileUpdatesFlow_IsNeverSent()
    {
        await _h.SayAsync("declare \"x\" --sev sev1");
        var reminder = _h.Services.GetRequiredService<CommsReminder>();
        var reminded = 0;

        for (var i = 0; i < 6; i++)
        {
            _h.Time.Advance(TimeSpan.FromMinutes(20));
            await _h.SayAsync($"notify it \"update {i}\"");
            reminded += await reminder.RunOnceAsync();
        }

        Assert.Equal(0, reminded);
    }

    [Fact]
    public async Task Reminder_MentionsTheCommsHolderByIdNotAsPlainText()
    {
        await _h.SayAsync("declare \"x\" --sev sev1");
        await _h.SayAsync("role comms @29:carol");
        _h.Time.Advance(TimeSpan.FromMinutes(31));

        await _h.Services.GetRequiredService<CommsReminder>().RunOnceAsync();

        var line = _h.Storage.Incidents.Outbox.Select(o => Notice.Read(o.Payload)).Last(n => n.ChannelText is not null);
        var view = Assert.IsType<TextView>(line.View);
        Assert.Equal(new TextMention("29:carol", "Carol"), view.Mention);
        Assert.Contains("@Carol: stakeholders have had no update", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_UnknownAudience_ShowsTheAudiences()
    {
        var reply = await _h.SayAsync("subscribe press");

        Assert.Contains("the audiences are it, management, users", Text(reply), StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();

    private async Task Subscribe(int count, string audience)
    {
        for (var i = 0; i < count; i++)
        {
            await _h.Storage.Subscriptions.SubscribeAsync(Core.Identity.ChannelKind.Teams, Tenant, audience, $"29:s{i}");
        }
    }

    private NotificationDispatcher Dispatcher(RecordingSender sender) => new(_h.Storage.Deliveries,
        _h.Services.GetRequiredService<AudienceDirectory>(), [sender], _h.Services.GetRequiredService<WorkflowServices>(),
        _h.Services.GetRequiredService<IOptions<NotificationOptions>>(), NullLogger<NotificationDispatcher>.Instance);

    /// <summary>Runs passes (advancing the clock past retry delays) until nothing is left to do.</summary>
    private async Task DrainAsync(NotificationDispatcher dispatcher)
    {
        for (var pass = 0; pass < 50; pass++)
        {
            var handled = await dispatcher.RunOnceAsync();
            if (handled == 0 && !_h.Storage.Deliveries.All.Any(d => d.Status == DeliveryStatus.Pending))
            {
                return;
            }

            _h.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Fail("the dispatcher did not finish in 50 passes");
    }

    /// <summary>
    /// Runs the two dispatchers' passes side by side until nothing is left to do. The clock stands still: a row one of
    /// them holds is skipped by the other and is sent by the end of the pair's pass, so no pass waits for a lease to end.
    /// </summary>
    private async Task DrainTogetherAsync(NotificationDispatcher first, NotificationDispatcher second)
    {
        for (var pass = 0; pass < 50; pass++)
        {
            var handled = await Task.WhenAll(first.RunOnceAsync(), second.RunOnceAsync());
            if (handled.Sum() == 0 && !_h.Storage.Deliveries.All.Any(d => d.Status == DeliveryStatus.Pending))
            {
                return;
            }
        }

        Assert.Fail("the dispatcher did not finish in 50 passes");
    }
}
