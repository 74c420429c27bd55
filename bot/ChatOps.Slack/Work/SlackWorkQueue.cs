using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// Bounded in-process queue between the endpoints (which only enqueue and answer 200) and <see cref="SlackWorker"/>.
/// When it is full the endpoint turns the request away at once rather than making Slack wait. Turned-away requests
/// are logged as one warning per <see cref="QueueFullReportInterval"/> with their count, so an overload (when every
/// request is turned away) does not also spend its CPU writing a log line per request.
/// </summary>
public sealed class SlackWorkQueue
{
    public static readonly TimeSpan QueueFullReportInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<SlackWorkItem> _channel;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackWorkQueue> _logger;
    private readonly Lock _reportLock = new();
    private readonly Lock _admit = new();
    private readonly int _capacity;
    private readonly Dictionary<string, Queue<SlackWorkItem>> _lanes = new(StringComparer.Ordinal);
    private int _parked;
    private TaskCompletionSource? _roomWanted;

    private int Parked
    {
        get
        {
            lock (_lanes)
            {
                return _parked;
            }
        }
    }
    private long _turnedAway;
    private long _lastReport = long.MinValue;

    public SlackWorkQueue(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWorkQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _capacity = options.Value.QueueCapacity;
        // The capacity is kept by TryEnqueue/TryEnqueueAll (items parked behind their lane count too), under one lock.
        _channel = Channel.CreateUnbounded<SlackWorkItem>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    }

    /// <summary>How many more items fit now (the durable intake takes no more than this, so a take is never wasted).</summary>
    public int Room => Math.Max(0, _capacity - _channel.Reader.Count - Parked);

    /// <summary>
    /// Completes once at least half of the queue is free: at once if it is now, else when a request leaving it leaves
    /// that much. Only half: a smaller gap is soon filled by new arrivals, and taking stored requests into it (past the
    /// capacity, a message's requests all or none) would turn those arrivals into deferrals, each one more store and
    /// take. While nobody waits, a request leaving costs one read more.
    /// </summary>
    public Task WhenHalfFreeAsync()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wanted = Interlocked.CompareExchange(ref _roomWanted, fresh, null) ?? fresh;
        // Checked after the waiter is in place, so a request leaving in between still wakes it.
        RoomFreed();
        return wanted.Task;
    }

    private void RoomFreed()
    {
        if (Volatile.Read(ref _roomWanted) is not null && Room >= Math.Max(1, _capacity / 2))
        {
            Interlocked.Exchange(ref _roomWanted, null)?.TrySetResult();
        }
    }

    /// <summary>The lane of an item: its conversation. A lane's items run one at a time, in the order they were accepted.</summary>
    public static string LaneOf(SlackWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{item.Command.Conversation.TenantId}|{item.Command.Conversation.ConversationId}";
    }

    /// <summary>
    /// Waits for an item the calling worker loop is to run: the first one read whose lane is idle (the loop now runs
    /// that lane). An item whose lane another loop runs is parked behind it (still counted in the queue); reading and
    /// parking happen under one lock, so no two loops can start one lane's items out of order. Null once the queue is
    /// completed.
    /// </summary>
    public async ValueTask<SlackWorkItem?> TakeAsync(CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken))
        {
            lock (_lanes)
            {
                while (_channel.Reader.TryRead(out var item))
                {
                    var lane = LaneOf(item);
                    if (_lanes.TryGetValue(lane, out var waiting))
                    {
                        waiting.Enqueue(item);
                        _parked++;
                        continue;
                    }

                    _lanes[lane] = new Queue<SlackWorkItem>();
                    RoomFreed();
                    return item;
                }
            }
        }

        return null;
    }

    /// <summary>The next item waiting in a lane the calling loop runs, or null (and the lane is idle again).</summary>
    public SlackWorkItem? NextInLane(string lane)
    {
        lock (_lanes)
        {
            if (_lanes[lane].TryDequeue(out var next))
            {
                _parked--;
                RoomFreed();
                return next;
            }

            _lanes.Remove(lane);
            return null;
        }
    }

    /// <summary>Adds an item without waiting; false when the queue is full (counted, and reported in the log at most once per interval).</summary>
    public bool TryEnqueue(SlackWorkItem item, string path) => TryEnqueueAll([item], path, force: false, stored: false);

    /// <summary>
    /// Adds all of <paramref name="items"/> or none: the parts of one stored intake message run here together or are
    /// left together for any instance with room. <paramref name="force"/> admits them past the capacity (a message taken
    /// from the intake because there was room: turning its parts away now would only spend one of its attempts).
    /// <paramref name="stored"/>: they are kept in the durable intake, so the log says they wait there, not that they
    /// were turned away.
    /// </summary>
    public bool TryEnqueueAll(IReadOnlyList<SlackWorkItem> items, string path, bool force, bool stored)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_admit)
        {
            // Items waiting in a busy conversation's lane still take room, so one flooded conversation cannot grow memory.
            if (force || _channel.Reader.Count + Parked + items.Count <= _capacity)
            {
                foreach (var item in items)
                {
                    _channel.Writer.TryWrite(item);
                }

                return true;
            }
        }

        long report;
        lock (_reportLock)
        {
            _turnedAway += items.Count;
            var now = _time.GetTimestamp();
            if (_lastReport != long.MinValue && _time.GetElapsedTime(_lastReport, now) < QueueFullReportInterval)
                return false;
            report = _turnedAway;
            _turnedAway = 0;
            _lastReport = now;
        }

        Log.QueueFull(_logger, report, stored ? "left waiting in the durable intake" : "turned away", path, QueueFullReportInterval);
        return false;
    }
}
