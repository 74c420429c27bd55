using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when the code under test starts waiting: each timer's due
/// time is handed out by <see cref="NextTimerAsync"/>, so a test advances the clock only once the wait exists
/// (advancing earlier would be lost) and never waits for real time to pass.
/// </summary>
public sealed class TimerRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private int _fired;

    public TimerRecordingTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due time of the next timer created (waits until one is).</summary>
    public ValueTask<TimeSpan> NextTimerAsync(CancellationToken cancellationToken = default) => _timers.Reader.ReadAsync(cancellationToken);

    /// <summary>How many times timers have fired; a timer fires inside <see cref="FakeTimeProvider.Advance"/>, so this is exact right after it.</summary>
    public int Fired => Volatile.Read(ref _fired);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }
}
