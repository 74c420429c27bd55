using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ChatOps.Testing;
using ChatOps.Slack.Api;
using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>The reconnect backoff on a fake clock: each retry waits the delay it logged, and the delays stop at the maximum.</summary>
public sealed class SocketModeBackoffTests
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>Only a guard against a hang: every wait here ends on an event.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reconnect_ConnectKeepsFailing_WaitsEachLoggedDelayOnTheClockUpToTheMaximum()
    {
        var clock = new TimerRecordingTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture));
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
                // The retry's wait exists once its timer does; the timer fires only when the clock is advanced.
                await clock.NextTimerAsync().AsTask().WaitAsync(Guard);
                Assert.Equal(retry, Reconnecting(logger).Count);
                var delay = Reconnecting(logger)[^1];
                delays.Add(delay);
                Assert.Equal(retry + 1, apps.Calls.Count);

                var fired = clock.Fired;
                clock.Advance(delay - TimeSpan.FromMilliseconds(1));
                Assert.Equal(fired, clock.Fired);
                Assert.Equal(retry + 1, apps.Calls.Count);
                clock.Advance(TimeSpan.FromMilliseconds(1));
                Assert.Equal(fired + 1, clock.Fired);
                await apps.WaitForCallsAsync(retry + 2).WaitAsync(Guard);
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


    /// <summary><c>apps.connections.open</c> failing with a network error (not a token error, so it is retried); records the clock at each call.</summary>
    private sealed class FailingApps(TimeProvider clock) : AppsApi(null!, null!)
    {
        private readonly ConcurrentQueue<DateTimeOffset> _calls = new();
        private readonly Channel<int> _called = Channel.CreateUnbounded<int>();

        public IReadOnlyList<DateTimeOffset> Calls => [.. _calls];

        /// <summary>Returns once <paramref name="count"/> calls were made.</summary>
        public async Task WaitForCallsAsync(int count)
        {
            while (_calls.Count < count)
            {
                await _called.Reader.ReadAsync();
            }
        }

        public override Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default)
        {
            _calls.Enqueue(clock.GetUtcNow());
            _called.Writer.TryWrite(_calls.Count);
            return Task.FromException<Uri>(new HttpRequestException("connection refused"));
        }
    }
}
