using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing Slack: <c>POST /api/{method}</c> (Web API) and
/// <c>POST /hooks/{name}</c> (response_url). Records every call; answers scripted responses first, then ok:true.
/// </summary>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly Channel<RecordedCall> _arrivals = Channel.CreateUnbounded<RecordedCall>();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCall> _accepted = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private LocalServer? _server;
    private int _overlaps;

    public Uri BaseUrl => _server!.BaseAddress;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>Calls answered ok (not scripted failures), in order.</summary>
    public IReadOnlyList<RecordedCall> Accepted => [.. _accepted];

    /// <summary>Times two posts into one channel were being handled at once.</summary>
    public int Overlaps => _overlaps;

    /// <summary>Answers a call before the per-method script; null goes on to the script, then ok.</summary>
    public Func<RecordedCall, ScriptedResponse?>? Respond { get; set; }

    /// <summary>conversations.open answers a DM id per user (<c>D-{user}</c>) instead of one shared <c>D0FAKE</c>.</summary>
    public bool DirectMessagePerUser { get; set; }

    /// <summary>How long each chat.postMessage is held before it is answered.</summary>
    public TimeSpan ResponseDelay { get; set; }

    public static async Task<FakeSlackWebApi> StartAsync()
    {
        var fake = new FakeSlackWebApi();
        fake._server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/api/{method}", (string method, HttpContext context) => fake.HandleAsync(method, context));
            app.MapPost("/hooks/{name}", (string name, HttpContext context) => fake.HandleAsync("response_url:" + name, context));
            app.MapPost("/upload/{id}", (string id, HttpContext context) => fake.HandleAsync("upload:" + id, context));
        });
        return fake;
    }

    public string ResponseUrl(string name) => new Uri(BaseUrl, "hooks/" + name).ToString();

    public void Script(string method, ScriptedResponse response) =>
        _scripts.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedResponse>()).Enqueue(response);

    /// <summary>The next call (in arrival order) that matches, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<RecordedCall> NextCallAsync(string? method = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var call = await _arrivals.Reader.ReadAsync(cts.Token);
            if (method is null || call.Method == method)
            {
                return call;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(string method, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var call = new RecordedCall(method, context.Request.Headers.Authorization, context.Request.ContentType, body);
        _calls.Enqueue(call);
        _arrivals.Writer.TryWrite(call);
        var channel = method == "chat.postMessage" && context.Request.HasJsonContentType() ? call.Field("channel") : null;
        if (channel is not null && _inFlight.AddOrUpdate(channel, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            if (channel is not null && ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay);
            }

            return Answer(method, call, context, body);
        }
        finally
        {
            if (channel is not null)
            {
                _inFlight.AddOrUpdate(channel, 0, (_, n) => n - 1);
            }
        }
    }

    private IResult Answer(string method, RecordedCall call, HttpContext context, string body)
    {
        if (Respond?.Invoke(call) is { } answer || (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out answer)))
        {
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
        }

        _accepted.Enqueue(call);
        if (method.StartsWith("response_url:", StringComparison.Ordinal) || method.StartsWith("upload:", StringComparison.Ordinal))
        {
            return Results.Text("ok");
        }

        return Results.Content(DefaultOk(method, body, context.Request.HasJsonContentType()).ToJsonString(), "application/json");
    }

    private JsonObject DefaultOk(string method, string body, bool isJson)
    {
        var channel = isJson ? (JsonNode.Parse(body) as JsonObject)?["channel"]?.ToString() : null;
        channel ??= "C0FAKE";
        return method switch
        {
            "files.getUploadURLExternal" => new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseUrl, "upload/F0FAKE").ToString(), ["file_id"] = "F0FAKE" },
            "chat.postMessage" or "chat.update" => new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = "1700000000.000100" },
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = "1700000000.000200" },
            "conversations.open" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DirectMessagePerUser && isJson ? "D-" + JsonNode.Parse(body)?["users"] : "D0FAKE" } },
            "conversations.create" or "conversations.invite" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "C0FAKE", ["name"] = "incident" } },
            "views.open" or "views.update" => new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0FAKE", ["hash"] = "h1" } },
            _ => new JsonObject { ["ok"] = true },
        };
    }
}
