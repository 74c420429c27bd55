using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Testing.Channels.Slack;

namespace ChatOps.Notifications.Tests;

/// <summary>Slack fan-out through the real dispatcher, SlackNotificationSender and Web API client over Azurite tables.</summary>
[Trait("Category", "Azurite")]
public sealed class SlackFanOutTests : IAsyncLifetime
{
    private const string Message = "Patch window 22:00";
    private FakeSlackWebApi _slack = null!;
    private NotificationStack _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackWebApi.StartAsync();
        _slack.DirectMessagePerUser = true;
        _bot = NotificationStack.Create(ChannelKind.Slack, Tables.ConnectionString, Tables.NewPrefix(), new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = NotificationStack.SlackBotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
            ["Slack:RateLimitRetries"] = "2",
            ["Notifications:RetryDelay"] = "00:00:00.100",
            ["Notifications:Parallelism"] = "32",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task FanOut_500RecipientsWith429sAnd503s_EachExactlyOnce()
    {
        var users = Enumerable.Range(0, 500).Select(n => "U" + n.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        await _bot.SubscribeAsync("users", users);
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var firstAttempt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        // Slack runs nothing it answers 429 or 5xx to: every 7th post is rate limited once (Retry-After 1), every 11th
        // answered 503 once (the dispatcher retries the row), every 13th conversations.open rate limited once.
        _slack.Respond = call =>
        {
            var user = call.Method == "conversations.open" ? call.Field("users") : call.Field("channel")?.Replace("D-", "", StringComparison.Ordinal);
            if (user is null || !user.StartsWith('U') || call.Method is not ("conversations.open" or "chat.postMessage"))
                return null;
            var n = int.Parse(user.AsSpan(1), CultureInfo.InvariantCulture);
            var attempt = attempts.AddOrUpdate(call.Method + user, 1, (_, a) => a + 1);
            firstAttempt.TryAdd(call.Method + user, DateTimeOffset.UtcNow);
            return (call.Method, attempt) switch
            {
                ("conversations.open", 1) when n % 13 == 0 => new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", 1),
                ("chat.postMessage", 1) when n % 7 == 0 => new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", 1),
                ("chat.postMessage", 1) when n % 11 == 0 => new ScriptedResponse(503, "upstream unavailable"),
                _ => null,
            };
        };
        var (incident, notice) = await _bot.DeclareAndNotifyAsync("users", Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await _bot.DrainAsync(incident, notice, timeout.Token);

        var posts = _slack.Accepted.Where(c => c.Method == "chat.postMessage" && c.Body.Contains(Message, StringComparison.Ordinal))
            .GroupBy(c => c.Field("channel")!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(users.Select(u => "D-" + u).Order(), posts.Keys.Order());
        Assert.All(posts, p => Assert.Equal(1, p.Value));
        var rows = await _bot.ListAsync(incident, notice);
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.All(rows.Where(r => int.Parse(r.Recipient.Id.AsSpan(1), CultureInfo.InvariantCulture) is var n && n % 11 == 0 && n % 7 != 0), r => Assert.Equal(1, r.Attempts));
        Assert.Equal(0, _slack.Overlaps);
    }
}
