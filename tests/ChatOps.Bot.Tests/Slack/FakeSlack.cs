using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>A real Kestrel server on 127.0.0.1 playing Slack (Web API and response_url); records each call and answers ok.</summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, string? Authorization, JsonObject Body)> _calls = new();
    private readonly Channel<(string Method, string? Authorization, JsonObject Body)> _arrivals = Channel.CreateUnbounded<(string, string?, JsonObject)>();

    private readonly ConcurrentDictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonObject, string> _answeredTs = [];
    private long _ts;
    private readonly List<(string Method, JsonObject Body)> _all = [];
    private readonly List<(Func<string, JsonObject, bool> Match, TaskCompletionSource<(string, JsonObject)> Arrived)> _waiters = [];

    private FakeSlack(WebApplication app) => _app = app;

    /// <summary>Bytes POSTed to each upload URL handed out by files.getUploadURLExternal, by file id.</summary>
    public IReadOnlyDictionary<string, byte[]> Uploads => _uploads;

    /// <summary>The <c>ts</c> this fake answered to the call with <paramref name="body"/> (a posted message's id), or null.</summary>
    public string? TsOf(JsonObject body) => _answeredTs.TryGetValue(body, out var ts) ? ts : null;

    /// <summary>From now on <paramref name="method"/> answers <c>{"ok":false,"error":…}</c> (e.g. missing_scope).</summary>
    public void Fail(string method, string error) => _errors[method] = error;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public string ResponseUrl(string name) => new Uri(BaseUrl, "hooks/" + name).ToString();

    public int CallCount => _calls.Count;

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.MapPost("/api/{method}", async (string method, HttpContext context) =>
        {
            // Most methods get JSON; a few (files.getUploadURLExternal) get a form, recorded here as a JSON object.
            var body = context.Request.HasFormContentType
                ? new JsonObject((await context.Request.ReadFormAsync()).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))))
                : (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var answer = fake.Answer(method, body);
            if (answer["ts"]?.ToString() is { } ts)
            {
                fake._answeredTs.AddOrUpdate(body, ts);
            }

            var call = (method, (string?)context.Request.Headers.Authorization, body);
            fake._calls.Enqueue(call);
            fake._arrivals.Writer.TryWrite(call);
            fake.Record(call.Item1, body);
            return Results.Json(answer);
        });
        app.MapPost("/upload/{fileId}", async (string fileId, HttpContext context) =>
        {
            using var bytes = new MemoryStream();
            await context.Request.Body.CopyToAsync(bytes);
            fake._uploads[fileId] = bytes.ToArray();
            return Results.Text("OK - " + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        app.MapPost("/hooks/{name}", async (string name, HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var call = ("response_url:" + name, (string?)context.Request.Headers.Authorization, body);
            fake._calls.Enqueue(call);
            fake._arrivals.Writer.TryWrite(call);
            fake.Record(call.Item1, body);
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        fake.ApiBaseUrl = new Uri(fake.BaseUrl, "api/");
        return fake;
    }

    private JsonObject Answer(string method, JsonObject body)
    {
        if (_errors.TryGetValue(method, out var error))
        {
            return new JsonObject { ["ok"] = false, ["error"] = error };
        }

        // Every message gets its own ts, as in Slack, so chat.update can be checked against the message it targets.
        var ts = body["ts"]?.ToString() ?? $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        if (method == "files.getUploadURLExternal")
        {
            var fileId = "F" + Interlocked.Increment(ref _ts).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseUrl, "upload/" + fileId).ToString(), ["file_id"] = fileId };
        }

        if (method == "conversations.open")
        {
            return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D-" + body["users"] } };
        }

        var answer = new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.ToString(), ["ts"] = ts, ["message_ts"] = ts };
        if (method is "views.open" or "views.update")
        {
            answer["view"] = new JsonObject { ["id"] = "V" + ts, ["hash"] = "h" + ts };
        }

        return answer;
    }

    public async Task<(string Method, string? Authorization, JsonObject Body)> NextCallAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(cts.Token);
    }

    /// <summary>How many calls have arrived so far (a starting point for <see cref="WaitForCallAsync"/>).</summary>
    public int Mark
    {
        get
        {
            lock (_all)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>The first call from the <paramref name="from"/>-th on that matches, whenever it arrives (independent of <see cref="NextCallAsync"/>).</summary>
    public Task<(string Method, JsonObject Body)> WaitForCallAsync(Func<string, JsonObject, bool> match, int from = 0)
    {
        lock (_all)
        {
            foreach (var (method, body) in _all.Skip(from))
            {
                if (match(method, body))
                {
                    return Task.FromResult((method, body));
                }
            }

            var arrived = new TaskCompletionSource<(string, JsonObject)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, arrived));
            return arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private void Record(string method, JsonObject body)
    {
        lock (_all)
        {
            _all.Add((method, body));
            foreach (var waiter in _waiters.Where(w => w.Match(method, body)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Arrived.TrySetResult((method, body));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
