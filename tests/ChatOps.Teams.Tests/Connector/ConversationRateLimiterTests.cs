using ChatOps.Teams.Connector;
using ChatOps.Teams.Options;

namespace ChatOps.Teams.Tests.Connector;

public sealed class ConversationRateLimiterTests
{
    [Fact]
    public async Task AcquireAsync_OverThirtySecondLimit_QueuesThatConversationOnly()
    {
        using var limiter = new ConversationRateLimiter(Microsoft.Extensions.Options.Options.Create(
            new TeamsChannelOptions { ConversationSendsPerSecond = 100, ConversationSendsPer30Seconds = 2 }));
        using var first = await limiter.AcquireAsync("a:1");
        using var second = await limiter.AcquireAsync("a:1");
        using var cancel = new CancellationTokenSource();

        var third = limiter.AcquireAsync("a:1", cancel.Token).AsTask();
        using var other = await limiter.AcquireAsync("a:2");

        Assert.False(third.IsCompleted);
        Assert.True(other.IsAcquired);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task AcquireAsync_WithinLimits_Immediate()
    {
        using var limiter = new ConversationRateLimiter(Microsoft.Extensions.Options.Options.Create(new TeamsChannelOptions()));

        var leases = new List<System.Threading.RateLimiting.RateLimitLease>();
        for (var i = 0; i < 7; i++)
            leases.Add(await limiter.AcquireAsync("a:1"));

        Assert.All(leases, l => Assert.True(l.IsAcquired));
        leases.ForEach(l => l.Dispose());
    }
}
