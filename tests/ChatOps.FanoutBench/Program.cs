using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Testing.Channels;
using ChatOps.Testing.Channels.Teams;

// Fan-out benchmark: one status update to N stakeholders through the real dispatcher, Teams sender and connector
// client (MSAL, retries, the client's rate limiter at Teams' real limits) over Azurite, against a fake connector that
// answers 429 whenever a caller breaks Teams' limits. Usage:
//   scripts/fanout-bench.sh [--recipients 1000] [--stored all|none] [--parallelism 32] [--fail-percent 0]
var recipients = Option("--recipients", 1000);
var stored = Option("--stored", "all");
var parallelism = Option("--parallelism", 32);
var failPercent = Option("--fail-percent", 0);
var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Tables")
    ?? throw new InvalidOperationException("ConnectionStrings__Tables is not set: run through scripts/fanout-bench.sh, which starts Azurite.");

await using var connector = await FakeConnector.StartAsync();
await using var tokens = await FakeTokenEndpoint.StartAsync();
connector.Limits = new TeamsRateLimitRules();
// Injected failures: this share of first sends lands but is answered 503, so the client's retry delivers it again.
connector.Respond = call => call is { Kind: "send", Attempt: 1 } && call.User.StartsWith("29:u", StringComparison.Ordinal)
    && Math.Abs(call.User.GetHashCode(StringComparison.Ordinal)) % 100 < failPercent ? new ConnectorAnswer(503, Landed: true) : null;

var settings = NotificationStack.TeamsSettings(tokens);
settings["Notifications:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
await using var bot = NotificationStack.Create(ChannelKind.Teams, connection, "bench" + Guid.NewGuid().ToString("N")[..12], settings,
    NotificationStack.TrustTokenEndpoint(tokens.Certificate));

Console.WriteLine($"Seeding {recipients} subscribers ({stored} with a stored 1:1 chat)...");
await bot.RememberIncidentChannelAsync(connector.ServiceUrl);
var users = Enumerable.Range(0, recipients).Select(n => "29:u" + n.ToString("D5", CultureInfo.InvariantCulture)).ToList();
await bot.SubscribeAsync("users", users);
if (stored == "all")
{
    await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, _) =>
    {
        connector.KnowConversation("a:dm-" + user[3..], user);
        await bot.RememberPersonalChatAsync(user, "a:dm-" + user[3..], connector.ServiceUrl);
    });
}

const string message = "Benchmark status update";
var reached = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
var everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
connector.MessageDelivered += d =>
{
    if (d.Text.Contains(message, StringComparison.Ordinal) && d.User.StartsWith("29:u", StringComparison.Ordinal) && reached.TryAdd(d.User, true)
        && reached.Count == recipients)
        everyone.TrySetResult();
};

// Warm-up, as a running bot is warm: one notice to one person (token cached, connections open, code jitted).
await bot.SubscribeAsync("it", ["29:warm-up"]);
var (warmIncident, warmNotice) = await bot.DeclareAndNotifyAsync("it", "warm-up");
using (var warm = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
    await bot.DrainAsync(warmIncident, warmNotice, warm.Token);

var (incident, notice) = await bot.NotifyAsync("users", message);

// From the notice's commit to the last row marked sent, with the dispatcher looping as the Bot's NotificationWorker does.
var clock = Stopwatch.StartNew();
var committedAt = DateTimeOffset.UtcNow;
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var worker = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        if (await bot.Dispatcher.RunOnceAsync(stop.Token) == 0)
            await Task.Delay(TimeSpan.FromMilliseconds(100), stop.Token);
    }
});
await everyone.Task.WaitAsync(stop.Token);
while ((await bot.ListAsync(incident, notice)).Any(r => r.Status == DeliveryStatus.Pending))
    await Task.Delay(TimeSpan.FromMilliseconds(20), stop.Token);
var elapsed = clock.Elapsed;
await stop.CancelAsync();
await worker.ContinueWith(_ => { }, TaskScheduler.Default);

var delivered = connector.Delivered.Where(d => d.Text.Contains(message, StringComparison.Ordinal) && d.User.StartsWith("29:u", StringComparison.Ordinal))
    .GroupBy(d => d.User).ToDictionary(g => g.Key, g => g.Count());
var rows = await bot.ListAsync(incident, notice);
var times = connector.Delivered.Where(d => d.Text.Contains(message, StringComparison.Ordinal)).Select(d => d.ReceivedAt).Order().ToList();
var window = times[^1] - times[0];
var firstAfter = times[0] - committedAt;
var requests = connector.Requests.Count(r => r.RawTarget.Contains("/v3/conversations", StringComparison.Ordinal));
var stakeholderRequests = recipients * (stored == "all" ? 1 : 2);
var limit = TeamsRateLimitRules.Global.Limit;
var minimum = TimeSpan.FromSeconds((double)stakeholderRequests / limit);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    recipients            {recipients} (1:1 chats {(stored == "all" ? "stored" : "created on first send")}), dispatcher parallelism {parallelism}, injected landed-503s {failPercent}%
    connector requests    {requests} ({stakeholderRequests} needed for the stakeholders; the rest are incident-channel posts and retries)
    answered 429 by fake  {connector.Throttled}
    elapsed               {elapsed.TotalSeconds:F1} s (notice committed to last row marked sent)
    sending window        {window.TotalSeconds:F1} s (first to last message at the connector; first {firstAfter.TotalSeconds:F1} s after the commit)
    limit allows          {minimum.TotalSeconds:F1} s ({stakeholderRequests} requests at {limit} per second per app per tenant)
    ratio                 {elapsed / minimum:F3} (target: within 10%, i.e. at most 1.100)
    lost                  {recipients - delivered.Count}
    duplicates            {delivered.Values.Sum(c => c - 1)} (recipients reached twice: {delivered.Count(d => d.Value > 1)})
    rows                  sent {rows.Count(r => r.Status == DeliveryStatus.Sent)}, dead {rows.Count(r => r.Status == DeliveryStatus.Dead)}, pending {rows.Count(r => r.Status == DeliveryStatus.Pending)}
    """));
return recipients == delivered.Count && (failPercent > 0 || delivered.Values.All(c => c == 1)) ? 0 : 1;

T Option<T>(string name, T fallback)
{
    var i = Array.IndexOf(args, name);
    return i < 0 || i + 1 >= args.Length ? fallback : (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture);
}
