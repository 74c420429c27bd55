namespace ChatOps.Slack.SocketMode;

/// <summary>What readiness and the logs know about Socket Mode: off, connecting, how many sockets are open, or stopped (and why).</summary>
public sealed class SocketModeState
{
    private int _open;
    private volatile string? _stoppedReason;
    private TaskCompletionSource _nextChange = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True when <c>Slack:AppToken</c> is set and the client runs.</summary>
    public bool Enabled { get; private set; }

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Why the client gave up for good (e.g. <c>link_disabled</c>), or null while it runs.</summary>
    public string? StoppedReason => _stoppedReason;

    /// <summary>
    /// Completes at the next change of <see cref="OpenConnections"/> or <see cref="StoppedReason"/>: take it, then read
    /// the state, then await it, and no change is missed (tests wait on it instead of polling).
    /// </summary>
    public Task NextChange => Volatile.Read(ref _nextChange).Task;

    internal void Enable() => Enabled = true;

    internal void Opened()
    {
        Interlocked.Increment(ref _open);
        Changed();
    }

    internal void Closed()
    {
        Interlocked.Decrement(ref _open);
        Changed();
    }

    internal void Stop(string reason)
    {
        _stoppedReason = reason;
        Changed();
    }

    private void Changed() =>
        Interlocked.Exchange(ref _nextChange, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
