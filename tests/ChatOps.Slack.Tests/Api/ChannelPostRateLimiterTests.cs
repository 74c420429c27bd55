using System.Diagnostics;
using ChatOps.Cards.Slack;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests.Api;

public sealed class ChannelPostRateLimiterTests
{
    [Fact]
    public async Task WaitTurnAsync_SecondPostToSameChannel_WaitsWhileOtherChannelsGoAhead()
    {
        using var limiter = Limiter(TimeSpan.FromMinutes(10), queueLimit: 1);

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
        using var limiter = Limiter(TimeSpan.FromMinutes(10), queueLimit: 1);
        using var first = await limiter.WaitTurnAsync("C1", "chat.postMessage");
        _ = limiter.WaitTurnAsync("C1", "chat.postMessage");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => limiter.WaitTurnAsync("C1", "chat.postMessage"));

        Assert.Equal("ratelimited_locally", error.ErrorCode);
    }

    [Fact]
    public async Task PostMessageAsync_ThreePostsToOneChannel_SpacedByTheInterval()
    {
        await using var harness = await WebApiHarness.StartAsync(s => s["Slack:ChannelPostInterval"] = "00:00:00.400");
        var chat = harness.Get<ChatApi>();
        var message = BlockKitRenderer.Render(new TextView("update"));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => chat.PostMessageAsync("C1", message)));

        Assert.Equal(3, harness.Api.Calls.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(750), $"three posts took only {clock.Elapsed}");
    }

    private static ChannelPostRateLimiter Limiter(TimeSpan interval, int queueLimit) =>
        new(Options.Create(new SlackOptions { ChannelPostInterval = interval, ChannelPostQueueLimit = queueLimit }));
}
