using System.Globalization;
using System.Text;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Idempotency;
using ChatOps.Slack.Signing;
using ChatOps.Slack.Tests.Fakes;
using ChatOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatOps.Slack.Tests;

/// <summary>
/// The Slack channel hosted on its own (AddSlackChannel + MapSlackEndpoints) with fakes of the Core ports and
/// a real fake Slack Web API; signs requests as Slack would.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "5d1c0ffee0ddba11cafe5eed0fab1e00";
    public const string BotToken = "xoxb-test-token";

    private SlackTestHost(WebApplication app, FakeSlackWebApi api, FakeDispatcher dispatcher, InMemoryIdempotencyStore idempotency, InMemoryConversationReferenceStore conversations)
    {
        App = app;
        Api = api;
        Dispatcher = dispatcher;
        Idempotency = idempotency;
        Conversations = conversations;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeSlackWebApi Api { get; }

    public FakeDispatcher Dispatcher { get; }

    public InMemoryIdempotencyStore Idempotency { get; }

    public InMemoryConversationReferenceStore Conversations { get; }

    public HttpClient Client { get; }

    /// <summary>Every log record the host wrote (all levels).</summary>
    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    /// <summary>
    /// Starts a host; one worker loop by default so items run in arrival order. <paramref name="prepareApi"/> sees the
    /// fake Web API before the host starts (e.g. to attach a fake Socket Mode server).
    /// </summary>
    /// <param name="intake">A durable intake to register (as the bot host's storage does); none means the in-process queue only.</param>
    public static async Task<SlackTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, Action<FakeSlackWebApi>? prepareApi = null, Core.Storage.IIntakeQueue? intake = null)
    {
        var api = await FakeSlackWebApi.StartAsync();
        prepareApi?.Invoke(api);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Slack:ChannelPostInterval"] = "00:00:00.001",
            ["Slack:WorkerConcurrency"] = "1",
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();
        builder.Configuration.AddInMemoryCollection(settings);
        var dispatcher = new FakeDispatcher();
        var idempotency = new InMemoryIdempotencyStore();
        var conversations = new InMemoryConversationReferenceStore();
        builder.Services.AddSlackChannel(builder.Configuration);
        builder.Services.AddSingleton<ICommandDispatcher>(dispatcher);
        builder.Services.AddSingleton<IIdempotencyStore>(idempotency);
        builder.Services.AddSingleton<IConversationReferenceStore>(conversations);
        if (intake is not null)
        {
            builder.Services.AddSingleton(intake);
        }

        var app = builder.Build();
        app.MapSlackEndpoints();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await api.DisposeAsync();
            throw;
        }

        return new SlackTestHost(app, api, dispatcher, idempotency, conversations);
    }

    public static string Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public Task<HttpResponseMessage> PostFormAsync(string path, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        PostSignedAsync(path, body, "application/x-www-form-urlencoded", headers);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        PostSignedAsync(path, body, "application/json", headers);

    /// <summary>
    /// Posts <paramref name="body"/> signed with <paramref name="secret"/> (default <see cref="Secret"/>) at
    /// <paramref name="timestamp"/> (default now); <paramref name="headers"/> replace or add headers afterwards.
    /// </summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string path,
        string body,
        string contentType,
        IReadOnlyDictionary<string, string>? headers = null,
        string? timestamp = null,
        string secret = Secret)
    {
        timestamp ??= Now;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(name);
            request.Headers.Add(name, value);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Api.DisposeAsync();
    }
}
