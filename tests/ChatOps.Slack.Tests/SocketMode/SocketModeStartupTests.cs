using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>A wrong app token stops start-up naming the setting; without one the bot stays on request URLs.</summary>
public sealed class SocketModeStartupTests
{
    [Fact]
    public async Task Start_AppTokenIsABotToken_FailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SocketModeTestHost.StartAsync(s => s["Slack:AppToken"] = "xoxb-not-an-app-token"));

        Assert.Contains("Slack:AppToken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("xapp-", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-not-an-app-token", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SlackAnswersInvalidAuth_FailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SocketModeTestHost.StartAsync(prepare: socket => socket.ConnectionsOpenError = "invalid_auth"));

        Assert.Contains("Slack:AppToken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoAppToken_NoSocketOpenedAndReady()
    {
        await using var socket = await FakeSlackSocketMode.StartAsync();
        await using var host = await SlackTestHost.StartAsync(prepareApi: socket.Attach);

        var readiness = await host.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(SocketModeHealthCheck.ReadyTag));

        Assert.Equal(HealthStatus.Healthy, readiness.Status);
        Assert.Empty(socket.OpenAuthorizations);
    }

    [Fact]
    public async Task Readiness_ConnectionsOpen_Healthy()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        await bot.ConnectedAsync();

        await bot.WaitForStateAsync(state => state.OpenConnections == 2);

        Assert.Equal(HealthStatus.Healthy, (await bot.ReadinessAsync()).Status);
    }

    [Fact]
    public async Task Readiness_EveryConnectionLostAndSlackUnreachable_Unhealthy()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, second) = await bot.ConnectedAsync();
        // The fake has sent hello; wait until the bot has read it on both sockets, or "no open connection" below could be
        // the moment before it counted them rather than after it lost them.
        await bot.WaitForStateAsync(state => state.OpenConnections == 2);

        bot.Socket.ConnectionsOpenError = "internal_error";
        await first.CloseAsync();
        await second.CloseAsync();

        await bot.WaitForStateAsync(state => state.OpenConnections == 0);

        var readiness = await bot.ReadinessAsync();
        Assert.Equal(HealthStatus.Unhealthy, readiness.Status);
        Assert.Contains("no open connection", readiness.Entries.Single().Value.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SlackUnreachableAtStartUp_StartsAndConnectsWhenSlackAnswers()
    {
        await using var bot = await SocketModeTestHost.StartAsync(prepare: socket => socket.ConnectionsOpenError = "internal_error");

        bot.Socket.ConnectionsOpenError = null;

        Assert.True((await bot.Socket.NextConnectionAsync()).IsOpen);
    }
}
