using System.Threading.RateLimiting;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Options;
using Microsoft.Extensions.Time.Testing;

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

        // The thread's limiters were made at its second send and counted the first too.
        Assert.False(third.IsCompleted);
        Assert.True(other.IsAcquired);
        Assert.Equal(1, limiter.ThreadsWithLimiters);
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

    [Fact]
    public async Task AcquireAsync_ManyNewThreadsSentToOnce_NoThreadLimitersAndForgottenLater()
    {
        var time = new FakeTimeProvider();
        using var limiter = Limiter(new TeamsChannelOptions { TenantRequestsPerSecond = 100_000 }, time);

        for (var i = 0; i < 1_000; i++)
            (await limiter.AcquireAsync("t", $"19:c@thread.tacv2;messageid={i}")).Dispose();

        Assert.Equal(0, limiter.ThreadsWithLimiters);
        Assert.Equal(1_000, limiter.ThreadsSentToOnce);

        // Defaults: one send is counted for at most 4.1 s (the hour's bucket gains a token every 4 s, up to a heartbeat
        // late), remembered 5.1 s, so forgotten within twice that.
        time.Advance(TimeSpan.FromSeconds(11));
        (await limiter.AcquireAsync("t", "19:c@thread.tacv2;messageid=new")).Dispose();

        Assert.Equal(1, limiter.ThreadsSentToOnce);
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentSendsToANewThread_NoMoreThanTheLimitAtOnce()
    {
        // Three per 30 s (a 30 s window, so nothing comes back during the test).
        using var limiter = Limiter(new TeamsChannelOptions { ConversationSendsPerSecond = 100, ConversationSendsPer2Seconds = 100, ConversationSendsPer30Seconds = 3 });
        using var cancel = new CancellationTokenSource();
        using var start = new Barrier(6);

        var sends = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return limiter.AcquireAsync("t", "19:new@thread.tacv2;messageid=1", cancel.Token).AsTask();
        })).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (sends.Count(s => s.IsCompleted) < 3 && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(10);
        await Task.Delay(100);

        Assert.Equal(3, sends.Count(s => s.IsCompletedSuccessfully));
        await cancel.CancelAsync();
        foreach (var send in sends)
        {
            try
            {
                (await send).Dispose();
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static ConversationRateLimiter Limiter(TeamsChannelOptions options, TimeProvider? time = null) => new(Microsoft.Extensions.Options.Options.Create(options), time);
}
