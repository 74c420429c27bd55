using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Views;

namespace ChatOps.Testing;

/// <summary>A notification sender that records what it sends, can fail on demand, and detects overlapping sends of one row.</summary>
public sealed class RecordingSender(ChannelKind channel = ChannelKind.Teams) : INotificationSender
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    public ConcurrentQueue<(Recipient Recipient, View View)> Sent { get; } = new();

    /// <summary>Decides per call whether to fail: return an exception to throw, or null to succeed.</summary>
    public Func<Recipient, int, Exception?> Fail { get; set; } = (_, _) => null;

    public TimeSpan Delay { get; set; }

    public int Overlaps;

    private int _calls;

    public ChannelKind Channel => channel;

    public async Task SendAsync(Recipient recipient, View view, ConversationKey origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = recipient.Key + "|" + (view as StatusUpdateView)?.Audience;
        if (_inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref Overlaps);
        }

        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            if (Fail(recipient, Interlocked.Increment(ref _calls)) is { } error)
            {
                throw error;
            }

            Sent.Enqueue((recipient, view));
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }
}
