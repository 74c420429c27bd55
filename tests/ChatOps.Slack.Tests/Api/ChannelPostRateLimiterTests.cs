using ChatOps.Cards.Slack;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using ChatOps.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests.Api;

public sealed class ChannelPostRateLimiterTests
{
    /// <summary>Only a guard against a hang: the clock is fake, nothing waits for real time to pass.</summary>
    private static readonly TimeSpan FailureGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitTurnAsync_SecondPostToSameChannel_WaitsWhileOtherChannelsGoAhead()
    {
        var limiter = Limiter(TimeSpan.FromMinutes(10), queueLimit: 1, new FakeTimeProvider());

        using var first = await limiter.WaitTurnAsync("C1", "chat.postMessage");
        var secondToC1 = limiter.WaitTurnAsync("C1", "chat.postMessage");
        var firstToC2 = limiter.WaitTurnAsync("C2", "chat.postMessage");

        Assert.False(secondToC1.IsCompleted);
        Assert.True(firstToC2.IsCompletedSuccessfully);
        (await firstToC2).Dispose();
    }

    [Fact]
    public async Task WaitTurnAsync_ChannelQueueFull_ThrowsRateLimitedLocally()
    {
        var limiter = Limiter(TimeSpan.FromMinutes(10), queueLimit: 1, new FakeTimeProvider());
        using var first = await limiter.WaitTurnAsync("C1", "chat.postMessage");
        _ = limiter.WaitTurnAsync("C1", "chat.postMessage");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => limiter.WaitTurnAsync("C1", "chat.postMessage"));

        Assert.Equal("ratelimited_locally", error.ErrorCode);
    }

    [Fact]
    public async Task WaitTurnAsync_SecondPostToSameChannel_GoesWhenTheIntervalHasPassedAndNotBefore()
    {
        var clock = new FakeTimeProvider();
        var limiter = Limiter(TimeSpan.FromMilliseconds(400), queueLimit: 10, clock);
        using var first = await limiter.WaitTurnAsync("C1", "chat.postMessage");
        var second = limiter.WaitTurnAsync("C1", "chat.postMessage");

        clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        using var turn = await second.WaitAsync(FailureGuard);
    }

    [Fact]
    public async Task WaitTurnAsync_PostAfterTheIntervalPassedIdle_GoesAtOnce()
    {
        var clock = new FakeTimeProvider();
        var limiter = Limiter(TimeSpan.FromMilliseconds(400), queueLimit: 10, clock);
        using var first = await limiter.WaitTurnAsync("C1", "chat.postMessage");
        clock.Advance(TimeSpan.FromMilliseconds(400));

        var second = limiter.WaitTurnAsync("C1", "chat.postMessage");

        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PostMessageAsync_ThreePostsToOneChannel_SpacedByTheInterval()
    {
        var clock = new TimerRecordingTimeProvider();
        await using var harness = await WebApiHarness.StartAsync(s => s["Slack:ChannelPostInterval"] = "00:00:00.400", clock);
        var chat = harness.Get<ChatApi>();
        var message = BlockKitRenderer.Render(new TextView("update"));

        var posts = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => chat.PostMessageAsync("C1", message)));
        TimeSpan[] waits = [await clock.NextTimerAsync().AsTask().WaitAsync(FailureGuard), await clock.NextTimerAsync().AsTask().WaitAsync(FailureGuard)];
        clock.Advance(TimeSpan.FromMilliseconds(800));
        await posts.WaitAsync(FailureGuard);

        Assert.Equal([TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)], waits.Order());
        Assert.Equal(3, harness.Api.Calls.Count);
    }

    private static ChannelPostRateLimiter Limiter(TimeSpan interval, int queueLimit, TimeProvider time) =>
        new(Options.Create(new SlackOptions { ChannelPostInterval = interval, ChannelPostQueueLimit = queueLimit }), time);
}
