using System.Threading.RateLimiting;
using ChatOps.Teams.Options;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Keeps the bot's sends to one conversation within Teams' per-thread limits (msteams-docs rate-limit.md:
/// 7 per second and 60 per 30 seconds) by queueing, not failing. A singleton, because HTTP handlers are recycled.
/// </summary>
public sealed class ConversationRateLimiter : IDisposable
{
    private const int QueueLimit = 10_000;
    private readonly PartitionedRateLimiter<string> _limiter;

    public ConversationRateLimiter(IOptions<TeamsChannelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            Window(o.ConversationSendsPerSecond, TimeSpan.FromSeconds(1), segments: 10),
            Window(o.ConversationSendsPer30Seconds, TimeSpan.FromSeconds(30), segments: 30));
    }

    /// <summary>Waits for a permit to send to <paramref name="conversationId"/>; throws if the queue is full.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var lease = await _limiter.AcquireAsync(conversationId, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("Too many messages are queued for one Teams conversation.");
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(
            conversation,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = segments,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
}
