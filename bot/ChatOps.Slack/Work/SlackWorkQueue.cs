using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// Bounded in-process queue between the endpoints (which only enqueue and answer 200) and <see cref="SlackWorker"/>.
/// When it is full the endpoint turns the request away at once rather than making Slack wait.
/// </summary>
public sealed class SlackWorkQueue
{
    private readonly Channel<SlackWorkItem> _channel;

    public SlackWorkQueue(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<SlackWorkItem>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<SlackWorkItem> Reader => _channel.Reader;

    /// <summary>Adds an item without waiting; false when the queue is full.</summary>
    public bool TryEnqueue(SlackWorkItem item) => _channel.Writer.TryWrite(item);
}
