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

    private readonly List<(string Method, JsonObject Body)> _all = [];
    private readonly List<(Func<string, JsonObject, bool> Match, TaskCompletionSource<(string, JsonObject)> Arrived)> _waiters = [];

    private FakeSlack(WebApplication app) => _app = app;

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
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var call = (method, (string?)context.Request.Headers.Authorization, body);
            fake._calls.Enqueue(call);
            fake._arrivals.Writer.TryWrite(call);
            fake.Record(call.Item1, body);
            return Results.Json(new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.ToString(), ["ts"] = "1700000000.000100" });
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
