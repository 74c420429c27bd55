namespace ChatOps.Slack.Work;

/// <summary>
/// Sends the replies of applied requests, one conversation's in the order they were applied, while the worker goes
/// on applying that conversation's next requests. A reply may wait for its channel's turn (Slack takes about one post a
/// second per channel, <see cref="SlackOptions.ChannelPostInterval"/>), so under a burst the record runs ahead of the
/// conversation's replies instead of being held to their pace. At most <see cref="SlackOptions.ReplyBacklog"/>
/// deliveries wait; past that the worker waits for room before it applies more (its queue then fills and new requests
/// go to the durable intake, where any instance with room takes them).
/// </summary>
public sealed class SlackReplyLanes
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _room;
    private int _pending;

    public SlackReplyLanes(Microsoft.Extensions.Options.IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _room = new SemaphoreSlim(options.Value.ReplyBacklog, options.Value.ReplyBacklog);
    }

    /// <summary>Deliveries started and not finished.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Waits until one more delivery may be started (see the class remarks).</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken) => _room.WaitAsync(cancellationToken);

    /// <summary>
    /// Starts <paramref name="delivery"/> after the lane's earlier deliveries finished; takes the room
    /// <see cref="WaitForRoomAsync"/> gave and frees it when done. <paramref name="delivery"/> must not throw (it logs).
    /// </summary>
    public Task Start(string lane, Func<Task> delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Interlocked.Increment(ref _pending);
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(lane) ?? Task.CompletedTask;
            var next = RunAfterAsync(previous, delivery);
            _tails[lane] = next;
            _ = next.ContinueWith(done => Forget(lane, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    /// <summary>Completes when every delivery started so far has finished.</summary>
    public Task WhenIdleAsync()
    {
        lock (_tails)
        {
            return Task.WhenAll(_tails.Values);
        }
    }

    private async Task RunAfterAsync(Task previous, Func<Task> delivery)
    {
        try
        {
            await previous.ConfigureAwait(false);
            await delivery().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            _room.Release();
        }
    }

    private void Forget(string lane, Task done)
    {
        lock (_tails)
        {
            if (_tails.TryGetValue(lane, out var tail) && tail == done)
            {
                _tails.Remove(lane);
            }
        }
    }
}
