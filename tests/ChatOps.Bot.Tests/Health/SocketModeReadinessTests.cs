using System.Net;
using System.Net.Http.Json;
using ChatOps.Bot.Health;
using ChatOps.Bot.Tests.Slack;
using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Health;

/// <summary><c>/readyz</c> of the whole bot in Slack Socket Mode: storage first, then the checks tagged <c>ready</c> (the socket).</summary>
[Trait("Category", "Azurite")]
public sealed class SocketModeReadinessTests
{
    [Fact]
    public async Task Readyz_SocketModeConnected_Returns200()
    {
        await using var bot = await SocketModeBot.StartAsync();
        await bot.ConnectedAsync();
        // The fake sent hello; the bot counts a socket open once it has read it.
        await StateAsync(bot, state => state.OpenConnections == 2);

        var (status, body) = await ReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.Status);
    }

    [Fact]
    public async Task Readyz_SlackDisabledTheLink_Returns503WithTheSocketChecksDescription()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var (first, _) = await bot.ConnectedAsync();

        await first.SendDisconnectAsync("link_disabled");
        await StateAsync(bot, state => state.StoppedReason is not null);

        var (status, body) = await ReadyzAsync(bot);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.Status);
        Assert.StartsWith("Slack Socket Mode stopped:", body.Reason, StringComparison.Ordinal);
        Assert.Contains("link_disabled", body.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_SocketCannotConnect_Returns503NamingNoOpenConnection()
    {
        // Not a token error, so the client keeps retrying (and the host starts) but never has a socket open.
        await using var bot = await SocketModeBot.StartAsync(socket => socket.ConnectionsOpenError = "internal_error");

        var (status, body) = await ReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Slack Socket Mode has no open connection", body.Reason);
        Assert.True(bot.Socket.OpenAuthorizations.Count >= 1);
        Assert.Empty(bot.Socket.Connections);
    }

    private static async Task<(HttpStatusCode Status, HealthStatus Body)> ReadyzAsync(SocketModeBot bot)
    {
        using var client = bot.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<HealthStatus>())!);
    }

    /// <summary>Socket Mode's state (what <c>/readyz</c> reads) once it satisfies <paramref name="condition"/>.</summary>
    private static Task StateAsync(SocketModeBot bot, Func<SocketModeState, bool> condition) =>
        bot.Services.GetRequiredService<SocketModeState>().WaitUntilAsync(condition);
}
