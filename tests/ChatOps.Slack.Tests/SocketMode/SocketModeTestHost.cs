using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>The Slack channel host with <c>Slack:AppToken</c> set, against a fake Socket Mode server; short delays so tests run fast.</summary>
public sealed class SocketModeTestHost : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A1-1234-test";

    private SocketModeTestHost(SlackTestHost host, FakeSlackSocketMode socket)
    {
        Host = host;
        Socket = socket;
    }

    public SlackTestHost Host { get; }

    public FakeSlackSocketMode Socket { get; }

    public static async Task<SocketModeTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, Action<FakeSlackSocketMode>? prepare = null, Core.Storage.IIntakeQueue? intake = null)
    {
        var socket = await FakeSlackSocketMode.StartAsync();
        prepare?.Invoke(socket);
        try
        {
            var host = await SlackTestHost.StartAsync(
                settings =>
                {
                    settings["Slack:AppToken"] = AppToken;
                    settings["Slack:SocketMode:ReconnectDelay"] = "00:00:00.050";
                    settings["Slack:SocketMode:MaxReconnectDelay"] = "00:00:00.200";
                    settings["Slack:SocketMode:DisconnectGrace"] = "00:00:00.300";
                    configure?.Invoke(settings);
                },
                socket.Attach,
                intake);
            return new SocketModeTestHost(host, socket);
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }

    /// <summary>Both connections the bot keeps open, once each got hello.</summary>
    public async Task<(FakeSocketConnection First, FakeSocketConnection Second)> ConnectedAsync() =>
        (await Socket.NextConnectionAsync(), await Socket.NextConnectionAsync());

    /// <summary>What <c>/readyz</c> would say about Socket Mode.</summary>
    public async Task<HealthReport> ReadinessAsync() =>
        await Host.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(SocketModeHealthCheck.ReadyTag));

    /// <summary>Only a guard against a hang: every wait here ends on an event.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Returns once a log line containing <paramref name="text"/> is written (or was already).</summary>
    public async Task WaitForLogAsync(string text)
    {
        using var cts = new CancellationTokenSource(Guard);
        await foreach (var record in Host.Logs.GetLogsAsync(cts.Token))
        {
            if (record.Message.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    /// <summary>Returns once Socket Mode's state satisfies <paramref name="condition"/> (checked at each change).</summary>
    public Task WaitForStateAsync(Func<SocketModeState, bool> condition) =>
        Host.App.Services.GetRequiredService<SocketModeState>().WaitUntilAsync(condition, Guard);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Socket.DisposeAsync();
    }
}
