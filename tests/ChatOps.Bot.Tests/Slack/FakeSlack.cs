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
            var answer = new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.ToString(), ["ts"] = "1700000000.000100" };
            if (method is "views.open" or "views.update")
            {
                answer["view"] = new JsonObject { ["id"] = "V" + fake._calls.Count, ["hash"] = "h" + fake._calls.Count };
            }

            return Results.Json(answer);
        });
        app.MapPost("/hooks/{name}", async (string name, HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var call = ("response_url:" + name, (string?)context.Request.Headers.Authorization, body);
            fake._calls.Enqueue(call);
            fake._arrivals.Writer.TryWrite(call);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
