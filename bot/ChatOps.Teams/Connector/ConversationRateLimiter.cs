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
/// <para>
/// A thread's four limiters are made only when it is sent to a second time (<see cref="RecentSends"/>): most threads
/// (a new post answered once) get one send, and the partitioned limiter keeps even an idle limiter for 10 s and looks
/// at every one it keeps each 100 ms, which at a few thousand new threads a second took a sixth of the bot's sampled
/// thread time (docs/PERFORMANCE.md, issue 18). A first send takes only the tenant's permit and is remembered until no limit could
/// still count it; a second send within that time first charges the thread's new limiters for the first (so they count
/// both, the first a little later than it was sent: stricter, never looser) and then takes its own permit.
/// </para>
/// </remarks>
public sealed class ConversationRateLimiter : IDisposable
{
    private const int QueueLimit = 10_000;
    // Per-conversation limiters are replenished by the partitioned limiter's heartbeat (every 100 ms), and a limiter only
    // moves on when a whole segment or period has passed, so each segment or period can end up to one heartbeat late.
    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(100);

    // Margin on top of the worst case, for a heartbeat that itself runs late.
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(1);
    private readonly PartitionedRateLimiter<TeamsCall>[] _perConversation;
    private readonly PartitionedRateLimiter<TeamsCall> _tenant;
    private readonly PartitionedRateLimiter<TeamsCall> _conversationOnly;
    private readonly PartitionedRateLimiter<TeamsCall> _conversationAndTenant;
    private readonly RecentSends _recent;
    private readonly Lock _gate = new();

    public ConversationRateLimiter(IOptions<TeamsChannelOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var tenantWindow = Strict(o.TenantRequestsPerSecond, TimeSpan.FromSeconds(1), segments: 50, autoReplenishment: true);
        var limits = new[]
        {
            PerConversation(o.ConversationSendsPerSecond, TimeSpan.FromSeconds(1), segments: 10),
            PerConversation(o.ConversationSendsPer2Seconds, TimeSpan.FromSeconds(2), segments: 10),
            PerConversationBucket(o.ConversationSendsPer30Seconds, TimeSpan.FromSeconds(30)),
            PerConversationBucket(o.ConversationSendsPerHour, TimeSpan.FromHours(1)),
        };
        _perConversation = limits.Select(l => l.Limiter).ToArray();
        _tenant = PartitionedRateLimiter.Create<TeamsCall, string>(call => RateLimitPartition.Get(call.TenantId, _ => new SlidingWindowRateLimiter(tenantWindow)));
        _conversationOnly = PartitionedRateLimiter.CreateChained(_perConversation);
        _conversationAndTenant = PartitionedRateLimiter.CreateChained([.. _perConversation, _tenant]);
        _recent = new RecentSends(
            limits.Max(l => l.OneSendCounted) + Late,
            limits.Max(l => l.FullAgain) + Late,
            time ?? TimeProvider.System);
    }

    /// <summary>Threads sent to more than once lately: the ones that have limiters of their own (for tests).</summary>
    internal int ThreadsWithLimiters
    {
        get
        {
            lock (_gate)
                return _recent.Limited;
        }
    }

    /// <summary>Threads sent to once lately and remembered for it (for tests).</summary>
    internal int ThreadsSentToOnce
    {
        get
        {
            lock (_gate)
                return _recent.SentOnce;
        }
    }

    /// <summary>Waits for a permit to send to <paramref name="conversationId"/> in <paramref name="tenantId"/>; throws if the queue is full.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string tenantId, string conversationId, CancellationToken cancellationToken = default)
    {
        var call = new TeamsCall(tenantId, conversationId);
        RecentSends.Kind kind;
        lock (_gate)
        {
            kind = _recent.Record(conversationId);
            if (kind == RecentSends.Kind.Second)
            {
                // The first send is counted before anyone else takes a permit from the thread's new limiters.
                _conversationOnly.AttemptAcquire(call).Dispose();
            }
        }

        return AcquireAsync(kind == RecentSends.Kind.First ? _tenant : _conversationAndTenant, call, cancellationToken);
    }

    /// <summary>Waits for a permit for a call that posts into no conversation (creating one): only the tenant's limit applies.</summary>
    public ValueTask<RateLimitLease> AcquireTenantAsync(string tenantId, CancellationToken cancellationToken = default) =>
        AcquireAsync(_tenant, new TeamsCall(tenantId, null), cancellationToken);

    public void Dispose()
    {
        _conversationAndTenant.Dispose();
        _conversationOnly.Dispose();
        _tenant.Dispose();
        foreach (var limiter in _perConversation)
            limiter.Dispose();
    }

    private static async ValueTask<RateLimitLease> AcquireAsync(PartitionedRateLimiter<TeamsCall> limiter, TeamsCall call, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(call, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("Too many messages are queued for one Teams conversation or tenant.");
        }

        return lease;
    }

    private static Limit PerConversation(int permits, TimeSpan window, int segments)
    {
        var options = Strict(permits, window, segments, autoReplenishment: false);
        var limiter = PartitionedRateLimiter.Create<TeamsCall, string>(call => call.ConversationId is { } conversation
            ? RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => options)
            : RateLimitPartition.GetNoLimiter(""));

        // A permit comes back when its segment leaves the window (the spare segment included), each segment up to a
        // heartbeat late.
        var back = options.Window + (Heartbeat * options.SegmentsPerWindow);
        return new Limit(limiter, back, back);
    }

    private static Limit PerConversationBucket(int permits, TimeSpan window)
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
        var limiter = PartitionedRateLimiter.Create<TeamsCall, string>(call => call.ConversationId is { } conversation
            ? RateLimitPartition.GetTokenBucketLimiter(conversation, _ => options)
            : RateLimitPartition.GetNoLimiter(""));

        // One token comes back each period (up to a heartbeat late); an empty bucket is full again after TokenLimit periods.
        var period = options.ReplenishmentPeriod + Heartbeat;
        return new Limit(limiter, period, period * options.TokenLimit);
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

    /// <summary>A per-conversation limit: how long one send stays counted, and how long until any use of it is forgotten.</summary>
    private sealed record Limit(PartitionedRateLimiter<TeamsCall> Limiter, TimeSpan OneSendCounted, TimeSpan FullAgain);

    private sealed record TeamsCall(string TenantId, string? ConversationId);
}
