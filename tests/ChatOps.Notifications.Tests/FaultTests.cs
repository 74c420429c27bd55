using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Core.Notifications;
using ChatOps.Testing.Channels.Teams;
using static ChatOps.Notifications.Tests.TeamsContext;

namespace ChatOps.Notifications.Tests;

/// <summary>Issue 11's fault tests: the bot process killed mid fan-out, and a 429/503 storm from the connector.</summary>
[Trait("Category", "Process")]
public sealed class FaultTests : IAsyncLifetime
{
    private const string Message = "Rollback finished";
    private const int Parallelism = 8;
    private TeamsContext _context = null!;

    public async Task InitializeAsync() => _context = await StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task BotProcess_KilledMidFanOut_RestartDeliversTheRestWithDuplicatesOnlyForRowsInFlight()
    {
        const int recipients = 200;
        var seeder = _context.Instance();
        await _context.SeedAsync(seeder, recipients);
        var (incident, notice) = await seeder.DeclareAndNotifyAsync("users", Message);
        var everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var killing = 0;
        BotProcess? first = null;
        _context.Connector.MessageDelivered += d =>
        {
            if (!IsStakeholder(d.User) || !d.Text.Contains(Message, StringComparison.Ordinal))
                return;
            reached[d.User] = true;
            if (reached.Count >= 60 && Interlocked.Exchange(ref killing, 1) == 0)
            {
                first!.Kill();
            }

            if (reached.Count == recipients)
                everyone.TrySetResult();
        };

        using (first = BotProcess.Start(Environment()))
        {
            await WaitAsync(() => first.HasExited, first, $"{reached.Count} of {recipients} reached");
            Assert.True(Volatile.Read(ref killing) == 1, "the bot stopped before it was killed:\n" + first.Output);
        }

        // A request the killed process had already written can still be read after it is gone, so deliveries are told
        // apart by the process that sent them, not by time: each process acquires its own token (bot-token-N), and a
        // process uses its cached token for every send.
        var firstTokens = _context.Connector.Requests.Select(r => r.Authorization).ToHashSet(StringComparer.Ordinal);
        using var second = BotProcess.Start(Environment());
        await WaitAsync(() => everyone.Task.IsCompleted, second, $"{reached.Count} of {recipients} reached");
        await WaitAsync(async () => (await seeder.ListAsync(incident, notice)).All(r => r.Status == DeliveryStatus.Sent), second);

        var delivered = _context.DeliveredTo(Message);
        Assert.Equal(recipients, delivered.Count);
        var duplicated = delivered.Where(d => d.Value.Count > 1).ToList();
        Assert.All(duplicated, d => Assert.True(d.Value.Count == 2 && firstTokens.Contains(d.Value[0].Authorization) && !firstTokens.Contains(d.Value[1].Authorization),
            $"{d.Key} got {d.Value.Count} copies"));
        Assert.True(duplicated.Count <= Parallelism, $"{duplicated.Count} duplicates; at most {Parallelism} rows were in flight");
        Assert.Contains(delivered, d => !firstTokens.Contains(d.Value[0].Authorization));
        Assert.All(_context.Connector.Requests, r => Assert.StartsWith("Bearer bot-token-", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectorStorm_429sAnd503sForAWhile_EveryoneReachedAfterItRetryAfterHonouredNothingDeadLettered()
    {
        // One HTTP retry: each send meets 503 then 429, so the 429's Retry-After reaches the dispatcher, which must keep it.
        var bot = _context.Instance(parallelism: 16, connectorRetries: 1);
        await _context.SeedAsync(bot, 100);
        var stormUntil = DateTimeOffset.MaxValue;
        var throttledAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var early = 0;
        var storm = 0;
        _context.Connector.Respond = call =>
        {
            if (!IsStakeholder(call.User))
                return null;
            var now = DateTimeOffset.UtcNow;
            if (throttledAt.TryGetValue(call.User, out var at) && now - at < TimeSpan.FromSeconds(2.9))
                Interlocked.Increment(ref early);
            if (stormUntil == DateTimeOffset.MaxValue)
                stormUntil = now + TimeSpan.FromSeconds(3);
            if (now >= stormUntil)
                return null;
            Interlocked.Increment(ref storm);
            if (call.Attempt % 2 == 1)
                return new ConnectorAnswer(503);
            throttledAt[call.User] = now;
            return new ConnectorAnswer(429, "3");
        };
        var (incident, notice) = await bot.DeclareAndNotifyAsync("users", Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await bot.DrainAsync(incident, notice, timeout.Token);

        Assert.True(storm >= 16, $"only {storm} requests met the storm");
        var delivered = _context.DeliveredTo(Message);
        Assert.Equal(100, delivered.Count);
        Assert.All(delivered, d => Assert.Single(d.Value));
        Assert.All(await bot.ListAsync(incident, notice), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(0, early);
    }

    // The child trusts the local token endpoint's certificate through OpenSSL's SSL_CERT_FILE (and nothing else over
    // https: Azurite and the connector are http), so MSAL acquires real client-credential tokens from it.
    private Dictionary<string, string> Environment() => new()
    {
        ["MicrosoftAppId"] = NotificationStack.TeamsAppId,
        ["MicrosoftAppPassword"] = NotificationStack.TeamsAppPassword,
        ["ToChannelFromBotLoginUrl"] = _context.Tokens.BotFrameworkAuthority.ToString(),
        ["Teams__ServiceUrlHosts__0"] = "127.0.0.1",
        ["Teams__RequireHttpsServiceUrl"] = "false",
        ["SSL_CERT_FILE"] = _context.TrustedCertificateFile,
        ["ConnectionStrings__Tables"] = Tables.ConnectionString,
        ["Storage__TablePrefix"] = _context.Prefix,
        ["Notifications__Enabled"] = "true",
        ["Notifications__Audiences__it__TenantWide"] = "true",
        ["Notifications__Audiences__management__TenantWide"] = "true",
        ["Notifications__Audiences__users__TenantWide"] = "true",
        ["Reports__SigningKey"] = "fault-test-signing-key-0123456789abcdef",
        ["Audit__Key"] = "fault-test-audit-checkpoint-key-0123456789",
        ["Notifications__Lease"] = "00:00:03",
        ["Notifications__PollInterval"] = "00:00:00.200",
        ["Notifications__RetryDelay"] = "00:00:00.200",
        ["Notifications__Parallelism"] = Parallelism.ToString(CultureInfo.InvariantCulture),
        // The real Teams limits pace the fan-out (50 requests per second), so the kill lands mid-way.
        ["Teams__ConnectorRetryDelay"] = "00:00:00.050",
    };

    private static async Task WaitAsync(Func<bool> done, BotProcess bot, string? state = null) => await WaitAsync(() => Task.FromResult(done()), bot, state);

    private static async Task WaitAsync(Func<Task<bool>> done, BotProcess bot, string? state = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            if (timeout.IsCancellationRequested)
                Assert.Fail($"timed out ({state}); the bot said:\n{bot.Output}");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
