using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Api;

/// <summary>
/// Keeps posts into one channel near one per second (Slack's special tier for chat.postMessage,
/// api.slack.com/apis/rate-limits): each post into a channel gets the next free slot, one interval after the one
/// before; posts beyond the first wait for their slot in call order, and a post finding the queue full fails.
/// Written on <see cref="TimeProvider"/> (System.Threading.RateLimiting's token bucket runs on the real clock), so a
/// test moves the clock instead of waiting.
/// </summary>
public sealed class ChannelPostRateLimiter(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly SlackOptions _settings = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    private readonly ConcurrentDictionary<string, ChannelSlots> _channels = new(StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="channel"/>'s turn; throws when its queue is full.</summary>
    public async Task<IDisposable> WaitTurnAsync(string channel, string method, CancellationToken cancellationToken = default)
    {
        var slots = _channels.GetOrAdd(channel, _ => new ChannelSlots());
        TimeSpan wait;
        lock (slots)
        {
            var now = time.GetUtcNow();
            var slot = slots.Next > now ? slots.Next : now;
            wait = slot - now;
            if (wait > TimeSpan.Zero && slots.Waiting >= _settings.ChannelPostQueueLimit)
            {
                throw new SlackApiException(method, "ratelimited_locally");
            }

            slots.Next = slot + _settings.ChannelPostInterval;
            if (wait > TimeSpan.Zero)
            {
                slots.Waiting++;
            }
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            finally
            {
                lock (slots)
                {
                    slots.Waiting--;
                }
            }
        }

        return Turn.Instance;
    }

    private sealed class ChannelSlots
    {
        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;

        public int Waiting { get; set; }
    }

    /// <summary>A taken turn holds nothing: the spacing is in the slots.</summary>
    private sealed class Turn : IDisposable
    {
        public static readonly Turn Instance = new();

        public void Dispose()
        {
        }
    }
}
