using System.Threading.RateLimiting;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Options;

namespace ChatOps.Teams.Tests.Connector;

public sealed class ConversationRateLimiterTests
{
    [Fact]
    public async Task AcquireAsync_OverThirtySecondLimit_QueuesThatConversationOnly()
    {
        using var limiter = Limiter(new TeamsChannelOptions { ConversationSendsPerSecond = 100, ConversationSendsPer2Seconds = 100, ConversationSendsPer30Seconds = 2 });
        using var first = await limiter.AcquireAsync("t", "a:1");
        using var second = await limiter.AcquireAsync("t", "a:1");
        using var cancel = new CancellationTokenSource();

        var third = limiter.AcquireAsync("t", "a:1", cancel.Token).AsTask();
        using var other = await limiter.AcquireAsync("t", "a:2");

        Assert.False(third.IsCompleted);
        Assert.True(other.IsAcquired);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task AcquireAsync_EighthSendInTwoSeconds_Queues()
    {
        using var limiter = Limiter(new TeamsChannelOptions { ConversationSendsPerSecond = 100, ConversationSendsPer2Seconds = 3 });
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 3; i++)
            leases.Add(await limiter.AcquireAsync("t", "a:1"));
        using var cancel = new CancellationTokenSource();

        var fourth = limiter.AcquireAsync("t", "a:1", cancel.Token).AsTask();

        Assert.False(fourth.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task AcquireAsync_TenantBudgetSpent_QueuesEveryConversationOfThatTenantOnly()
    {
        using var limiter = Limiter(new TeamsChannelOptions { TenantRequestsPerSecond = 2 });
        using var first = await limiter.AcquireAsync("t1", "a:1");
        using var created = await limiter.AcquireTenantAsync("t1");
        using var cancel = new CancellationTokenSource();

        var third = limiter.AcquireAsync("t1", "a:3", cancel.Token).AsTask();
        using var otherTenant = await limiter.AcquireAsync("t2", "a:4");

        Assert.False(third.IsCompleted);
        Assert.True(otherTenant.IsAcquired);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Theory]
    [InlineData(10, 1800)]
    [InlineData(100, 10)]
    public async Task AcquireAsync_ThirtySecondOrHourBudget_BurstOfHalfThenQueuesThatConversationOnly(int per30Seconds, int perHour)
    {
        // 10 per window: a bucket of 4 that gains one every window/5, so no window can hold more than 4 + 5 + 1 = 10.
        using var limiter = Limiter(new TeamsChannelOptions { ConversationSendsPerSecond = 100, ConversationSendsPer2Seconds = 100, ConversationSendsPer30Seconds = per30Seconds, ConversationSendsPerHour = perHour });
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 4; i++)
            leases.Add(await limiter.AcquireAsync("t", "a:1"));
        using var cancel = new CancellationTokenSource();

        var fifth = limiter.AcquireAsync("t", "a:1", cancel.Token).AsTask();
        using var other = await limiter.AcquireAsync("t", "a:2");

        Assert.All(leases, l => Assert.True(l.IsAcquired));
        Assert.False(fifth.IsCompleted);
        Assert.True(other.IsAcquired);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fifth);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task AcquireAsync_WithinLimits_Immediate()
    {
        using var limiter = Limiter(new TeamsChannelOptions());

        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 7; i++)
            leases.Add(await limiter.AcquireAsync("t", "a:1"));

        Assert.All(leases, l => Assert.True(l.IsAcquired));
        leases.ForEach(l => l.Dispose());
    }

    private static ConversationRateLimiter Limiter(TeamsChannelOptions options) => new(Microsoft.Extensions.Options.Options.Create(options));
}
