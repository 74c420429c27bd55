using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Api;

/// <summary>
/// Keeps posts into one channel near one per second (Slack's special tier for chat.postMessage,
/// api.slack.com/apis/rate-limits): a token bucket per channel; posts beyond it wait their turn in a queue.
/// </summary>
public sealed class ChannelPostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ChannelPostRateLimiter(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(channel => RateLimitPartition.GetTokenBucketLimiter(
            channel,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = settings.ChannelPostInterval,
                QueueLimit = settings.ChannelPostQueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Waits for <paramref name="channel"/>'s turn; throws when its queue is full.</summary>
    public async Task<IDisposable> WaitTurnAsync(string channel, string method, CancellationToken cancellationToken = default)
    {
        var lease = await _limiter.AcquireAsync(channel, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new SlackApiException(method, "ratelimited_locally");
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
