using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LoadHarness;

/// <summary>
/// The bot's outbound peers on one local Kestrel server, answering at once: the Bot Framework Connector
/// (<c>/amer/…</c>, 200 with an activity id), Slack's Web API (<c>/api/{method}</c>, ok) and Slack response_urls
/// (<c>/hooks/{name}</c>). Mostly counts; it keeps only the first 5,000 response_url bodies (cut short), so it stays small under load.
/// </summary>
internal sealed partial class FakePeers : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _reportLinks = new();
    private LocalServer? _server;
    private long _connector;
    private long _slackApi;
    private long _hooks;
    private long _refusals;
    private volatile Body _lastBody = Body.Empty;

    public Uri ServiceUrl => new(_server!.BaseAddress, "amer/");

    public Uri SlackApiBaseUrl => new(_server!.BaseAddress, "api/");

    public long ConnectorRequests => Interlocked.Read(ref _connector);

    public long SlackApiRequests => Interlocked.Read(ref _slackApi);

    public long ResponseUrlPosts => Interlocked.Read(ref _hooks);

    /// <summary>Everything the bot sent to Slack (a reply goes to the response_url or, failing that, the Web API).</summary>
    public long SlackReplies => ResponseUrlPosts + SlackApiRequests;

    /// <summary>Replies that say nothing was recorded (a storage conflict or fault).</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>The last body received (to check by eye that commands did what was meant).</summary>
    public string LastBody => _lastBody.Text;

    /// <summary>Path and query of every signed report link the bot sent (an answer to <c>export json</c>), in arrival order.</summary>
    public IReadOnlyCollection<string> ReportLinks => _reportLinks;

    public string ResponseUrl(string name) => new Uri(_server!.BaseAddress, "hooks/" + name).ToString();

    public static async Task<FakePeers> StartAsync()
    {
        var peers = new FakePeers();
        peers._server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/amer/{**rest}", async (HttpContext http) =>
            {
                await peers.ReadAsync(http);
                Interlocked.Increment(ref peers._connector);
                return Results.Text("""{"id":"activity-1"}""", "application/json");
            });
            app.MapPut("/amer/{**rest}", async (HttpContext http) =>
            {
                await peers.ReadAsync(http);
                Interlocked.Increment(ref peers._connector);
                return Results.Text("""{"id":"activity-1"}""", "application/json");
            });
            app.MapPost("/api/{method}", async (HttpContext http, string method) =>
            {
                await peers.ReadAsync(http);
                Interlocked.Increment(ref peers._slackApi);
                // Shaped per method as far as the bot reads the answer (an export's file goes through the three upload calls).
                return Results.Text(method switch
                {
                    "conversations.open" => """{"ok":true,"channel":{"id":"D0LOAD"}}""",
                    "files.getUploadURLExternal" => $$"""{"ok":true,"upload_url":"{{peers._server!.BaseAddress}}upload/F0LOAD","file_id":"F0LOAD"}""",
                    "files.completeUploadExternal" => """{"ok":true,"files":[{"id":"F0LOAD","title":"report"}]}""",
                    _ => """{"ok":true,"channel":"C0","ts":"1700000000.000100","message_ts":"1700000000.000100"}""",
                }, "application/json");
            });
            app.MapPost("/upload/{file}", async (HttpContext http) =>
            {
                await Drain(http);
                return Results.Text("OK - 1");
            });
            app.MapPost("/hooks/{name}", async (HttpContext http, string name) =>
            {
                var body = await peers.ReadAsync(http);
                if (peers._hookBodies.Count < 5_000)
                {
                    var text = body.Text;
                    peers._hookBodies[name] = text.Length > 600 ? text[..600] : text;
                }
                Interlocked.Increment(ref peers._hooks);
                return Results.Text("ok");
            });
        });
        return peers;
    }

    private static Task Drain(HttpContext http) => http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);

    /// <summary>What the bot posted to a response_url (the first 5,000, each cut at 600 characters), for diagnosing a command found nowhere.</summary>
    public string? HookBody(string name) => _hookBodies.TryGetValue(name, out var body) ? body : null;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _hookBodies = new(StringComparer.Ordinal);

    // The body's bytes are searched as they are (no decoding): a fake that costs more per byte of reply would take CPU
    // from the bot under test in proportion to its replies' size (scenario g compares a 13 KB card with a short text).
    private async Task<Body> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream(http.Request.ContentLength is > 0 and < 1 << 20 ? (int)http.Request.ContentLength.Value : 4096);
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = new Body(buffer.GetBuffer(), (int)buffer.Length);
        _lastBody = body;
        var bytes = body.Span;
        if (bytes.IndexOf("report.json"u8) >= 0)
        {
            // JSON bodies escape '&' as \u0026, Slack mrkdwn as &amp; (and wraps a link as <url|label>).
            var link = ReportLink().Match(body.Text.Replace("\\u0026", "&", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal));
            if (link.Success)
                _reportLinks.Enqueue(link.Value);
        }

        if (bytes.IndexOf("Nothing was recorded"u8) >= 0 || bytes.IndexOf("nothing was recorded"u8) >= 0)
            Interlocked.Increment(ref _refusals);
        return body;
    }

    /// <summary>A request body as received (UTF-8), decoded only when someone reads it as text.</summary>
    private sealed class Body(byte[] bytes, int length)
    {
        public static readonly Body Empty = new([], 0);

        public ReadOnlySpan<byte> Span => bytes.AsSpan(0, length);

        public string Text => System.Text.Encoding.UTF8.GetString(Span);
    }

    [GeneratedRegex(@"/api/incidents/[^/\s""]+/report\.json\?[^\s""\\|>]+")]
    private static partial Regex ReportLink();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
