using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ChatOps.Core.Decisions;
using ChatOps.Storage;
using ChatOps.Testing.Channels.Slack;
using Microsoft.Extensions.Options;

namespace ChatOps.Notifications.Tests;

/// <summary>
/// Issue 18's durable Slack intake: the bot process acknowledges a burst of signed slash commands and is killed with
/// SIGKILL at once; after a restart every acknowledged command is applied exactly once (the stored requests come back
/// from the Queue Storage intake, and a request that had already been applied is found applied).
/// </summary>
[Trait("Category", "Process")]
public sealed class SlackIntakeKillTests : IAsyncLifetime
{
    private const int Burst = 30;
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private readonly string _prefix = Tables.NewPrefix();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private FakeSlackWebApi _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackWebApi.StartAsync();
        // Each reply takes a while, so most of the burst is still waiting when the bot is killed.
        _slack.ResponseDelay = TimeSpan.FromMilliseconds(150);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task BotKilledRightAfterAcknowledgingABurst_RestartAppliesEveryAcknowledgedCommandExactlyOnce()
    {
        var port = FreePort();
        var incidentId = "";
        using (var first = BotProcess.Start(Environment(port)))
        {
            await WaitUntilReadyAsync(port, first);
            Assert.Equal(HttpStatusCode.OK, await CommandAsync(port, "declare \"Kill test\" --sev sev2"));
            incidentId = await WaitForAsync(async () => (await FindIncidentAsync())?.Id, first, "the declaration");

            var answers = await Task.WhenAll(Enumerable.Range(1, Burst).Select(n => CommandAsync(port, $"decision \"kill-{n:D2}\" --because burst")));
            first.Kill();
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
            var before = Decisions(await RecordsAsync(incidentId));
            Assert.True(before.Count < Burst, $"all {before.Count} were applied before the kill; the test proves nothing");
        }

        using var second = BotProcess.Start(Environment(port));
        var applied = await WaitForAsync(async () =>
        {
            var decided = Decisions(await RecordsAsync(incidentId));
            return decided.Distinct().Count() == Burst ? decided : null;
        }, second, "every acknowledged decision");

        // Taken again after the restart, a request applied before the kill is found applied, not recorded twice.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var final = Decisions(await RecordsAsync(incidentId));
        Assert.Equal(Burst, final.Count);
        Assert.Equal(Enumerable.Range(1, Burst).Select(n => $"kill-{n:D2}").Order(StringComparer.Ordinal), final.Order(StringComparer.Ordinal));
        Assert.True(HashChain.Verify(await RecordsAsync(incidentId)).IsIntact, "hash chain broken");
        Assert.NotEmpty(applied);
    }

    private static List<string> Decisions(IReadOnlyList<DecisionRecord> records) =>
        [.. records.Where(r => r.Kind == Core.Decisions.Events.DecisionNoted.EventKind).Select(r => ((Core.Decisions.Events.DecisionNoted)EventSerializer.Deserialize(r.Kind, r.Payload)).What)];

    private IncidentTableStore Store() =>
        new(new ChatOpsTables(Options.Create(new TableStorageOptions { ConnectionString = Tables.ConnectionString, TablePrefix = _prefix })), TimeProvider.System);

    private async Task<Core.Incidents.Incident?> FindIncidentAsync() =>
        (await Store().GetAsync("T1", FormattableString.Invariant($"INC-{DateTime.UtcNow.Year}-0001")))?.Incident;

    private Task<IReadOnlyList<DecisionRecord>> RecordsAsync(string incidentId) => Store().GetDecisionsAsync("T1", incidentId);

    private async Task<HttpStatusCode> CommandAsync(int port, string text)
    {
        var body = "team_id=T1&team_domain=kill&channel_id=C1&channel_name=incident&user_id=U1&user_name=alice"
            + "&command=%2Fpatch&text=" + Uri.EscapeDataString(text) + "&response_url=" + Uri.EscapeDataString(_slack.ResponseUrl("kill"))
            + "&trigger_id=" + Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/api/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private Dictionary<string, string> Environment(int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ConnectionStrings__Tables"] = Tables.ConnectionString,
        ["Storage__TablePrefix"] = _prefix,
        ["Slack__SigningSecret"] = Secret,
        ["Slack__BotToken"] = "xoxb-kill-test-bot-token",
        ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
        ["Slack__ResponseUrlHosts__0"] = "127.0.0.1",
        ["Slack__WorkerConcurrency"] = "1",
        ["Slack__ChannelPostInterval"] = "00:00:00.010",
        // A stored request nobody deletes is taken again 3 s after its last take.
        ["Slack__IntakeVisibilityTimeout"] = "00:00:03",
        ["Slack__IntakePollInterval"] = "00:00:00.500",
        ["Storage__NetworkTimeout"] = "00:00:05",
        ["Reports__SigningKey"] = "kill-test-report-signing-key-0123456789",
        ["Audit__Key"] = "kill-test-audit-checkpoint-key-0123456789",
    };

    private async Task WaitUntilReadyAsync(int port, BotProcess bot) =>
        await WaitForAsync(async () =>
        {
            try
            {
                using var ready = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
                return ready.IsSuccessStatusCode ? "ready" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, bot, "readiness");

    private async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, BotProcess bot, string what)
        where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (timeout.IsCancellationRequested || bot.HasExited)
                Assert.Fail($"no {what} (exited: {bot.HasExited}); Slack was sent:\n{string.Join('\n', _slack.Calls.TakeLast(5).Select(c => c.Body))}\nthe bot said:\n{bot.Output}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
