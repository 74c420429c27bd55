using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Slack.Signing;
using ChatOps.Teams.Tests.Fakes;

namespace ChatOps.LoadHarness;

/// <summary>
/// Builds the requests Teams and Slack would send: Teams activities (a real channel message, mention included) with a
/// token from the local issuer, and signed Slack slash commands. Incident <c>i</c> lives in Teams channel
/// <c>19:load-i@thread.tacv2</c> and Slack channel <c>CLOADi</c>; every Teams message is a new thread, as a new post is.
/// </summary>
internal sealed class Requests
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string SigningSecret = "10adfa57c0ffee0ddba11cafe5eed000";
    private const string Tenant = "50612dbb-0237-4969-b378-8d42590f9c00";

    private readonly string _template;
    private readonly TestSigningKey _key;
    private readonly FakePeers _peers;
    private string _token;
    private DateTime _tokenMinted;
    private long _sequence = 1_000_000_000_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _slackNames = new(StringComparer.Ordinal);

    /// <summary>The response_url name (and trigger id) of the last Slack request made with this command text.</summary>
    public string? SlackNameOf(string command) => _slackNames.TryGetValue(command, out var name) ? name : null;

    public Requests(TestSigningKey key, FakePeers peers)
    {
        _key = key;
        _peers = peers;
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "teams-message-channel-mention.json")))!.AsObject();
        activity["text"] = "<at>ridotest</at> __TEXT__";
        activity["id"] = "__ID__";
        activity["serviceUrl"] = peers.ServiceUrl.ToString();
        activity["conversation"]!["id"] = "__CHANNEL__;messageid=__ID__";
        activity["channelData"]!["teamsChannelId"] = "__CHANNEL__";
        activity["channelData"]!["channel"]!["id"] = "__CHANNEL__";
        activity.Remove("attachments");
        _template = activity.ToJsonString();
        _token = Mint();
        _tokenMinted = DateTime.UtcNow;
    }

    /// <summary>
    /// A Teams message with <paramref name="command"/> in incident <paramref name="incident"/>'s channel, to
    /// <paramref name="bot"/> (null: the client's own base address); without a token when not <paramref name="authenticated"/>.
    /// </summary>
    public HttpRequestMessage Teams(int incident, string command, Uri? bot = null, bool authenticated = true)
    {
        var id = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var body = _template
            .Replace("__TEXT__", JsonEscaped(command), StringComparison.Ordinal)
            .Replace("__ID__", id, StringComparison.Ordinal)
            .Replace("__CHANNEL__", TeamsChannel(incident), StringComparison.Ordinal);
        var target = bot is null ? new Uri("api/messages", UriKind.Relative) : new Uri(bot, "api/messages");
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authenticated)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        return request;
    }

    /// <summary>A signed <c>/patch</c> slash command in incident <paramref name="incident"/>'s Slack channel (to <paramref name="bot"/>, or the client's base address).</summary>
    public HttpRequestMessage Slack(int incident, string command, Uri? bot = null)
    {
        var n = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        _slackNames[command] = n;
        var body = "team_id=TLOAD&channel_id=" + SlackChannel(incident) + "&user_id=ULOAD1&user_name=alice&command=%2Fpatch&text="
            + Uri.EscapeDataString(command) + "&response_url=" + Uri.EscapeDataString(_peers.ResponseUrl(n)) + "&trigger_id=" + n;
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var target = bot is null ? new Uri("api/slack/commands", UriKind.Relative) : new Uri(bot, "api/slack/commands");
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SigningSecret, timestamp, bytes));
        return request;
    }

    public static string TeamsChannel(int incident) => $"19:load-{incident}@thread.tacv2";

    public static string SlackChannel(int incident) => $"CLOAD{incident}";

    public static string Declare(int incident) => $"declare \"Load test incident {incident}\" --sev sev3 --systems app{incident}";

    public static string Decision(long n) => $"decision \"Keep app isolated ({n})\" --because \"load test\"";

    // Tokens last 30 minutes; a long run gets a fresh one every 20.
    private string Token()
    {
        if (DateTime.UtcNow - _tokenMinted > TimeSpan.FromMinutes(20))
        {
            _token = Mint();
            _tokenMinted = DateTime.UtcNow;
        }

        return _token;
    }

    private string Mint() => TokenMinter.Mint(_key.Credentials, AppId, _peers.ServiceUrl.ToString());

    private static string JsonEscaped(string text) => JsonValue.Create(text).ToJsonString()[1..^1];

    public static string TenantId => Tenant;
}
