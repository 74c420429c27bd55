using System.Threading.RateLimiting;
using ChatOps.Teams.Options;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Keeps the bot's connector calls within Teams' limits by queueing, not failing
/// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit): per bot per conversation
/// 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1800 per 3600 s; and 50 requests per second per app per tenant for
/// every call. A singleton, because HTTP handlers are recycled.
/// </summary>
/// <remarks>
/// The 1- and 2-second windows and the tenant's are <see cref="SlidingWindowRateLimiter"/>s with one spare segment: a permit taken in a segment comes
/// back only when that segment leaves the window, and the spare segment makes that at least one full window after
/// the permit was taken, so no interval of the window's length ever holds more than the limit (what Teams counts).
/// Per-conversation windows are replenished by the partitioned limiter's 100 ms heartbeat, so their segments are at
/// least 100 ms; the per-tenant window (the one that bounds a fan-out) replenishes itself every 20 ms.
/// <para>
/// The 30-second and hour limits are token buckets, not long sliding windows: every new post in a Teams channel is a
/// new thread, and a sliding window holds its thread's limiter until the whole window has passed (an hour: four
/// limiters per thread ever answered, found as 161,601 live limiters in a load run, docs/PERFORMANCE.md (d)). A bucket
/// is full again, so idle, and dropped by the partitioned limiter, seconds after its last send. It is kept strict: a
/// bucket of C tokens that gains one every P allows at most C + ⌊W/P⌋ + 1 sends in any window W, so C = L/2 − 1 and
/// P = W / (L − C − 1) keep every window within L (60/30 s: a burst of 29, then one a second; 1800/h: 899, then one
/// every 4 s), a little stricter than Teams for a thread that sends that much.
/// </para>
/// </remarks>
public sealed class ConversationRateLimiter : IDisposable
{
    private const int QueueLimit = 10_000;
    private readonly PartitionedRateLimiter<TeamsCall> _limiter;

    public ConversationRateLimiter(IOptions<TeamsChannelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var tenantWindow = Strict(o.TenantRequestsPerSecond, TimeSpan.FromSeconds(1), segments: 50, autoReplenishment: true);
        _limiter = PartitionedRateLimiter.CreateChained(
            PerConversation(o.ConversationSendsPerSecond, TimeSpan.FromSeconds(1), segments: 10),
            PerConversation(o.ConversationSendsPer2Seconds, TimeSpan.FromSeconds(2), segments: 10),
            PerConversationBucket(o.ConversationSendsPer30Seconds, TimeSpan.FromSeconds(30)),
            PerConversationBucket(o.ConversationSendsPerHour, TimeSpan.FromHours(1)),
            PartitionedRateLimiter.Create<TeamsCall, string>(call => RateLimitPartition.Get(
                call.TenantId,
                _ => new SlidingWindowRateLimiter(tenantWindow))));
    }

    /// <summary>Waits for a permit to send to <paramref name="conversationId"/> in <paramref name="tenantId"/>; throws if the queue is full.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string tenantId, string conversationId, CancellationToken cancellationToken = default) =>
        AcquireAsync(new TeamsCall(tenantId, conversationId), cancellationToken);

    /// <summary>Waits for a permit for a call that posts into no conversation (creating one): only the tenant's limit applies.</summary>
    public ValueTask<RateLimitLease> AcquireTenantAsync(string tenantId, CancellationToken cancellationToken = default) =>
        AcquireAsync(new TeamsCall(tenantId, null), cancellationToken);

    public void Dispose() => _limiter.Dispose();

    private async ValueTask<RateLimitLease> AcquireAsync(TeamsCall call, CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(call, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("Too many messages are queued for one Teams conversation or tenant.");
        }

        return lease;
    }

    private static PartitionedRateLimiter<TeamsCall> PerConversation(int permits, TimeSpan window, int segments)
    {
        var options = Strict(permits, window, segments, autoReplenishment: false);
        return PartitionedRateLimiter.Create<TeamsCall, string>(call => call.ConversationId is { } conversation
            ? RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => options)
            : RateLimitPartition.GetNoLimiter(""));
    }

    private static PartitionedRateLimiter<TeamsCall> PerConversationBucket(int permits, TimeSpan window)
    {
        if (permits < 4)
            return PerConversation(permits, window, segments: 30);

        var burst = (permits / 2) - 1;
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = window / (permits - burst - 1),
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        };
        return PartitionedRateLimiter.Create<TeamsCall, string>(call => call.ConversationId is { } conversation
            ? RateLimitPartition.GetTokenBucketLimiter(conversation, _ => options)
            : RateLimitPartition.GetNoLimiter(""));
    }

    private static SlidingWindowRateLimiterOptions Strict(int permits, TimeSpan window, int segments, bool autoReplenishment) => new()
    {
        PermitLimit = permits,
        Window = window + (window / segments),
        SegmentsPerWindow = segments + 1,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = autoReplenishment,
    };

    private sealed record TeamsCall(string TenantId, string? ConversationId);
}
