using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Slack.Api;
using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>The reconnect backoff on a fake clock: each retry waits the delay it logged, and the delays stop at the maximum.</summary>
public sealed class SocketModeBackoffTests
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Reconnect_ConnectKeepsFailing_WaitsEachLoggedDelayOnTheClockUpToTheMaximum()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        var apps = new FailingApps(clock);
        var logger = new FakeLogger<SlackSocketModeService>();
        var service = new SlackSocketModeService(
            apps,
            new SocketModeEnvelopeHandler(null!, NullLogger<SocketModeEnvelopeHandler>.Instance),
            new SocketModeState(),
            Options.Create(new SlackOptions { AppToken = "xapp-1-A1-1-backoff" }),
            Options.Create(new SocketModeOptions { Connections = 1, ReconnectDelay = TimeSpan.FromSeconds(1), MaxReconnectDelay = MaxDelay }),
            clock,
            logger);

        await service.StartAsync(CancellationToken.None);
        var delays = new List<TimeSpan>();
        try
        {
            // Call 1 is the start-up check, call 2 the slot's first connect; then one call per retry.
            for (var retry = 1; retry <= 8; retry++)
            {
                Assert.True(await EventuallyAsync(() => Reconnecting(logger).Count == retry), $"retry {retry} was not scheduled");
                var delay = Reconnecting(logger)[^1];
                delays.Add(delay);
                Assert.Equal(retry + 1, apps.Calls.Count);

                clock.Advance(delay - TimeSpan.FromMilliseconds(1));
                await Task.Delay(50);
                Assert.Equal(retry + 1, apps.Calls.Count);
                clock.Advance(TimeSpan.FromMilliseconds(1));
                Assert.True(await EventuallyAsync(() => apps.Calls.Count == retry + 2), $"retry {retry} did not connect after {delay}");
            }
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromTicks(1), MaxDelay));
        // The backoff is jittered (Polly's decorrelated jitter), so a late retry can dip under the cap again: the cap is
        // reached, never passed, but not necessarily on the last retry.
        Assert.Equal(MaxDelay, delays.Max());
        Assert.Equal(apps.Calls[1], apps.Calls[0]);
    }

    private static List<TimeSpan> Reconnecting(FakeLogger<SlackSocketModeService> logger) =>
        [.. logger.Collector.GetSnapshot()
            .Where(r => r.Message.Contains("reconnecting in", StringComparison.Ordinal))
            .Select(r => TimeSpan.Parse(r.StructuredState!.Single(p => p.Key == "Delay").Value!, CultureInfo.InvariantCulture))];

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    /// <summary><c>apps.connections.open</c> failing with a network error (not a token error, so it is retried); records the clock at each call.</summary>
    private sealed class FailingApps(TimeProvider clock) : AppsApi(null!, null!)
    {
        private readonly ConcurrentQueue<DateTimeOffset> _calls = new();

        public IReadOnlyList<DateTimeOffset> Calls => [.. _calls];

        public override Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default)
        {
            _calls.Enqueue(clock.GetUtcNow());
            return Task.FromException<Uri>(new HttpRequestException("connection refused"));
        }
    }
}
