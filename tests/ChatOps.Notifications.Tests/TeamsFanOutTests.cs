using System.Collections.Concurrent;
using ChatOps.Core.Notifications;
using ChatOps.Testing.Channels.Teams;
using static ChatOps.Notifications.Tests.TeamsContext;

namespace ChatOps.Notifications.Tests;

/// <summary>
/// Fan-out through the real <see cref="NotificationDispatcher"/>, TeamsNotificationSender, connector client (MSAL,
/// retries, rate limits) and Azurite tables, against a fake connector that throttles, fails and counts deliveries.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsFanOutTests : IAsyncLifetime
{
    private const string Message = "Patch window 22:00";
    private TeamsContext _context = null!;

    public async Task InitializeAsync() => _context = await StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task FanOut_500RecipientsWith429sAnd503s_EachOnceOrTwiceOnlyWhereAFailedAttemptLanded()
    {
        var bot = _context.Instance(parallelism: 32);
        await _context.SeedAsync(bot, 500);
        var firstAttempt = new ConcurrentDictionary<string, DateTimeOffset>();
        // 429 + Retry-After on every 7th first send and every 9th conversation creation; every 11th first send lands but
        // is answered 503 (the retry delivers it again); every 13th send fails 3 times (beyond the HTTP retries, so
        // the dispatcher backs off and tries the row again).
        _context.Connector.Respond = call =>
        {
            if (!IsStakeholder(call.User))
                return null;
            var n = Number(call.User);
            firstAttempt.TryAdd(call.Kind + call.User, DateTimeOffset.UtcNow);
            return call switch
            {
                { Kind: "create", Attempt: 1 } when n % 9 == 1 => new ConnectorAnswer(429, "1"),
                { Kind: "send", Attempt: 1 } when n % 7 == 0 => new ConnectorAnswer(429, "1"),
                { Kind: "send", Attempt: 1 } when n % 11 == 0 => new ConnectorAnswer(503, Landed: true),
                { Kind: "send", Attempt: <= 3 } when n % 13 == 0 && n % 7 != 0 && n % 11 != 0 => new ConnectorAnswer(503),
                _ => null,
            };
        };
        var (incident, notice) = await bot.DeclareAndNotifyAsync("users", Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await bot.DrainAsync(incident, notice, timeout.Token);

        var delivered = _context.DeliveredTo(Message);
        Assert.Equal(500, delivered.Count);
        Assert.All(delivered, d => Assert.Equal(Number(d.Key) % 11 == 0 && Number(d.Key) % 7 != 0 ? 2 : 1, d.Value.Count));
        Assert.All(delivered.Where(d => Number(d.Key) % 7 == 0), d =>
            Assert.True(d.Value[0].ReceivedAt - firstAttempt["send" + d.Key] >= TimeSpan.FromSeconds(0.9), $"{d.Key} was retried before Retry-After"));
        var rows = await bot.ListAsync(incident, notice);
        Assert.Equal(500, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.All(rows.Where(r => Number(r.Recipient.Id) % 13 == 0 && Number(r.Recipient.Id) % 7 != 0 && Number(r.Recipient.Id) % 11 != 0),
            r => Assert.Equal(1, r.Attempts));
        Assert.Equal(0, _context.Connector.Overlaps);
    }

    [Fact]
    public async Task Dispatcher_StoppedMidFanOut_AnotherInstanceFinishesWithDuplicatesOnlyForRowsInFlight()
    {
        const int parallelism = 8;
        var first = _context.Instance(parallelism, lease: TimeSpan.FromSeconds(2));
        await _context.SeedAsync(first, 150);
        var (incident, notice) = await first.DeclareAndNotifyAsync("users", Message);
        using var stop = new CancellationTokenSource();
        var count = 0;
        _context.Connector.MessageDelivered += d =>
        {
            if (IsStakeholder(d.User) && Interlocked.Increment(ref count) == 50)
                stop.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.DrainAsync(incident, notice, stop.Token));
        var restartedAt = DateTimeOffset.UtcNow;
        var second = _context.Instance(parallelism, lease: TimeSpan.FromSeconds(2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await second.DrainAsync(incident, notice, timeout.Token);

        var delivered = _context.DeliveredTo(Message);
        Assert.Equal(150, delivered.Count);
        var duplicated = delivered.Where(d => d.Value.Count > 1).ToList();
        Assert.All(duplicated, d => Assert.Equal(2, d.Value.Count));
        Assert.All(duplicated, d => Assert.True(d.Value[0].ReceivedAt < restartedAt && d.Value[1].ReceivedAt >= restartedAt));
        Assert.True(duplicated.Count <= parallelism, $"{duplicated.Count} duplicates, more than the {parallelism} rows one instance has in flight");
        Assert.Contains(delivered, d => d.Value[0].ReceivedAt >= restartedAt);
    }

    [Fact]
    public async Task TwoInstances_NeverSendTheSameRowAtOnce_AndReachEveryoneOnce()
    {
        var one = _context.Instance(parallelism: 8);
        var two = _context.Instance(parallelism: 8);
        await _context.SeedAsync(one, 200);
        _context.Connector.ResponseDelay = TimeSpan.FromMilliseconds(10);
        var (incident, notice) = await one.DeclareAndNotifyAsync("users", Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await Task.WhenAll(one.DrainAsync(incident, notice, timeout.Token), two.DrainAsync(incident, notice, timeout.Token));

        var delivered = _context.DeliveredTo(Message);
        Assert.Equal(200, delivered.Count);
        Assert.All(delivered, d => Assert.Single(d.Value));
        // One row per stakeholder conversation, so an overlap there would be one row sent by both instances. The incident
        // channel receives several rows (a "reached nobody" warning per empty audience) that two instances may post side
        // by side; each of those that arrived while the instances drained must have arrived once.
        Assert.DoesNotContain(_context.Connector.OverlappedConversations, c => c != one.IncidentChannel.ConversationId);
        var channelTexts = _context.Connector.Delivered.Where(d => d.Conversation == one.IncidentChannel.ConversationId).Select(d => d.Text).ToList();
        Assert.Equal(channelTexts.Distinct(StringComparer.Ordinal).Count(), channelTexts.Count);
    }
}
