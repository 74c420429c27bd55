using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>
/// The whole bot (Program, on the Azurite tables) with <c>Slack:AppToken</c> set: Slack deliveries arrive over Socket
/// Mode from <see cref="FakeSlackSocketMode"/>, Web API calls and response_urls go to <see cref="FakeSlackWebApi"/>.
/// </summary>
public sealed class SocketModeBot : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A1-1234-bot-test";

    /// <summary>The team and channel of <see cref="SocketModeEnvelopes"/>' deliveries.</summary>
    public static readonly ConversationKey Conversation = new(ChannelKind.Slack, "T1", "C1");

    private SocketModeBot(FakeSlackWebApi api, FakeSlackSocketMode socket, BotFactory factory)
    {
        Api = api;
        Socket = socket;
        Factory = factory;
    }

    public FakeSlackWebApi Api { get; }

    public FakeSlackSocketMode Socket { get; }

    public BotFactory Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<SocketModeBot> StartAsync(Action<FakeSlackSocketMode>? prepare = null)
    {
        var api = await FakeSlackWebApi.StartAsync();
        var socket = await FakeSlackSocketMode.StartAsync();
        socket.Attach(api);
        prepare?.Invoke(socket);
        var factory = new BotFactory(new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = AppToken,
            ["Slack:BotToken"] = "xoxb-socket-bot-test",
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Slack:SocketMode:ReconnectDelay"] = "00:00:00.050",
            ["Slack:SocketMode:MaxReconnectDelay"] = "00:00:00.200",
        });
        _ = factory.Services; // starts the host, and with it the Socket Mode client
        return new SocketModeBot(api, socket, factory);
    }

    /// <summary>Both connections the bot keeps open, once each got hello.</summary>
    public async Task<(FakeSocketConnection First, FakeSocketConnection Second)> ConnectedAsync() =>
        (await Socket.NextConnectionAsync(), await Socket.NextConnectionAsync());

    /// <summary>Runs <c>/patch text</c> over <paramref name="via"/>; returns the first Web API or response_url body from now on that contains <paramref name="expect"/>.</summary>
    public async Task<string> CommandAsync(FakeSocketConnection via, string text, string expect)
    {
        var name = Guid.NewGuid().ToString("N");
        await Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-" + name, text, "trigger-" + name, Api.ResponseUrl(name)), via);
        while (true)
        {
            var call = await Api.NextCallAsync();
            if (call.Body.Contains(expect, StringComparison.Ordinal))
            {
                return call.Body;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Socket.DisposeAsync();
        await Api.DisposeAsync();
    }
}
