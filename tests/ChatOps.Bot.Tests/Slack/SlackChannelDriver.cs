using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Slack.Signing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>
/// Plays a Slack workspace against the whole bot (incidents on Azurite under a unique table prefix): signed slash
/// commands and block_actions clicks in, and a transcript of what the bot sent to the fake Slack (Web API and
/// response_url), read in order. One worker loop keeps each request's answers together.
/// </summary>
internal sealed class SlackChannelDriver : IAsyncDisposable
{
    public const string TeamId = "T1";
    public const string ChannelId = "C1";
    public const string GateToken = "slack-e2e-gate-token-0123456789abcdef";

    private readonly List<SlackCall> _seen = [];
    private int _cursor;
    private int _requests;

    private SlackChannelDriver(FakeSlack slack, WebApplicationFactory<Program> factory)
    {
        Slack = slack;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public FakeSlack Slack { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    /// <param name="time">The host's clock (a FakeTimeProvider drives the background workers' timers); real time when null.</param>
    /// <param name="settings">Settings added to the driver's own (e.g. <c>Policy:RequiredApprovals</c>).</param>
    /// <param name="services">Changes to the host's services (e.g. counting decorators).</param>
    public static async Task<SlackChannelDriver> StartAsync(
        TimeProvider? time = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var slack = await FakeSlack.StartAsync();
        var factory = new SlackBotFactory(slack).WithWebHostBuilder(web =>
        {
            if (time is not null)
            {
                web.ConfigureTestServices(test => test.AddSingleton(time));
            }

            if (services is not null)
            {
                web.ConfigureTestServices(services);
            }

            web.UseSetting("Storage:TablePrefix", "s" + Guid.NewGuid().ToString("N")[..20]);
            web.UseSetting("Reports:SigningKey", "slack-e2e-report-signing-key-0123456789");
            web.UseSetting("Audit:Key", "slack-e2e-audit-checkpoint-key-0123456789");
            web.UseSetting("Gates:Token", GateToken);
            web.UseSetting("Gates:TenantId", TeamId);
            web.UseSetting("Slack:WorkerConcurrency", "1");
            // Slack's one-post-per-second pacing is tested in the Slack tests; here it would only slow the scenario down
            // (and on a fake clock that the scenario moves only for expiry, a paced second post would wait forever).
            web.UseSetting("Slack:ChannelPostInterval", time is null ? "00:00:00.010" : "00:00:00");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
        });
        return new SlackChannelDriver(slack, factory);
    }

    /// <summary><c>/patch {text}</c> typed by <paramref name="user"/> in the incident channel; returns the first answer that contains <paramref name="expect"/>.</summary>
    public async Task<SlackCall> CommandAsync(SlackPerson user, string text, string expect)
    {
        var hook = "cmd-" + Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture);
        var body = $"team_id={TeamId}&team_domain=e2e&channel_id={ChannelId}&channel_name=incident&user_id={user.Id}&user_name={user.Name}"
            + "&command=%2Fpatch&text=" + Uri.EscapeDataString(text) + "&response_url=" + Uri.EscapeDataString(Slack.ResponseUrl(hook))
            + "&trigger_id=" + Guid.NewGuid().ToString("N");
        await PostSignedAsync("/api/slack/commands", body);
        return await NextAsync(c => c.Text.Contains(expect, StringComparison.Ordinal), $"an answer to '{text}' showing '{expect}'");
    }

    /// <summary>Clicks the button <paramref name="actionId"/> of the message <paramref name="message"/> as <paramref name="user"/>.</summary>
    public async Task ClickAsync(SlackPerson user, SlackCall message, string actionId)
    {
        var button = FindButton(message.Body["blocks"], actionId) ?? throw new InvalidOperationException($"The message has no {actionId} button.");
        var hook = "click-" + Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user.Id, ["username"] = user.Name, ["name"] = user.Name, ["team_id"] = TeamId },
            ["api_app_id"] = "A0E2E",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "e2e" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = ChannelId, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "incident" },
            ["trigger_id"] = Guid.NewGuid().ToString("N"),
            ["response_url"] = Slack.ResponseUrl(hook),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = button["action_id"]!.ToString(),
                ["block_id"] = "approval",
                ["value"] = button["value"]!.ToString(),
                ["action_ts"] = "1700000100.000001",
            }),
        };
        await PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()));
    }

    /// <summary>The next call (after those already read) that matches; calls skipped on the way stay readable with <see cref="FindAsync"/>.</summary>
    public Task<SlackCall> NextAsync(Func<SlackCall, bool> match, string what) => WaitAsync(match, what, fromStart: false);

    /// <summary>The first call, read or not, that matches (waiting for more calls until one does); does not move the read position.</summary>
    public Task<SlackCall> FindAsync(Func<SlackCall, bool> match, string what) => WaitAsync(match, what, fromStart: true);

    /// <summary>Everything received so far (including calls not yet read).</summary>
    public IReadOnlyList<SlackCall> Seen => _seen;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Slack.DisposeAsync();
    }

    private async Task<SlackCall> WaitAsync(Func<SlackCall, bool> match, string what, bool fromStart)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var from = fromStart ? 0 : _cursor;
        while (true)
        {
            for (var i = from; i < _seen.Count; i++)
            {
                if (match(_seen[i]))
                {
                    _cursor = fromStart ? _cursor : i + 1;
                    return _seen[i];
                }
            }

            from = _seen.Count;
            try
            {
                var (method, _, body) = await Slack.NextCallAsync().WaitAsync(timeout.Token);
                _seen.Add(new SlackCall(method, body) { Ts = Slack.TsOf(body) });
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Slack never received {what}. Seen: {string.Join(" | ", _seen.Skip(_cursor).Select(c => c.Method + ": " + c.Text))}");
            }
        }
    }

    private async Task PostSignedAsync(string path, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SlackBotFactory.Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject? FindButton(JsonNode? node, string actionId) => node switch
    {
        JsonObject o when o["type"]?.ToString() == "button" && o["action_id"]?.ToString() == actionId => o,
        JsonObject o => o.Select(p => FindButton(p.Value, actionId)).FirstOrDefault(b => b is not null),
        JsonArray a => a.Select(n => FindButton(n, actionId)).FirstOrDefault(b => b is not null),
        _ => null,
    };
}

/// <summary>A Slack user of the test workspace.</summary>
internal sealed record SlackPerson(string Id, string Name);

/// <summary>One call the bot made to Slack: the Web API method (or <c>response_url:{hook}</c>) and its body.</summary>
internal sealed record SlackCall(string Method, JsonObject Body)
{
    /// <summary>Everything a person can read in it (text and blocks).</summary>
    public string Text => JsonText.Of(new JsonArray(Body["text"]?.DeepClone(), Body["blocks"]?.DeepClone()));

    /// <summary>The ts Slack gave a posted message (the fake answers with a ts per call, in order).</summary>
    public string? Ts { get; init; }

    public bool HasButton(string actionId) => Body["blocks"]?.ToJsonString().Contains($"\"action_id\":\"{actionId}\"", StringComparison.Ordinal) == true;
}
