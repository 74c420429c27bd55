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
    private readonly int _capacity;
    private long _turnedAway;
    private long _lastReport = long.MinValue;

    public SlackWorkQueue(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWorkQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _capacity = options.Value.QueueCapacity;
        _channel = Channel.CreateBounded<SlackWorkItem>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<SlackWorkItem> Reader => _channel.Reader;

    /// <summary>How many more items fit now (the durable intake takes no more than this, so a take is never wasted).</summary>
    public int Room => Math.Max(0, _capacity - _channel.Reader.Count);

    /// <summary>Adds an item without waiting; false when the queue is full (counted, and reported in the log at most once per interval).</summary>
    public bool TryEnqueue(SlackWorkItem item, string path)
    {
        if (_channel.Writer.TryWrite(item))
            return true;

        long report;
        lock (_reportLock)
        {
            _turnedAway++;
            var now = _time.GetTimestamp();
            if (_lastReport != long.MinValue && _time.GetElapsedTime(_lastReport, now) < QueueFullReportInterval)
                return false;
            report = _turnedAway;
            _turnedAway = 0;
            _lastReport = now;
        }

        Log.QueueFull(_logger, path, report, QueueFullReportInterval);
        return false;
    }
}
