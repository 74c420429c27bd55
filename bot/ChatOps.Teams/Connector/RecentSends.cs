namespace ChatOps.Teams.Connector;

/// <summary>
/// Which Teams threads were sent to lately, for <see cref="ConversationRateLimiter"/>: once (remembered for
/// <c>sentOnceFor</c>, until no limit could still count that send), or more than once (remembered for
/// <c>limitedFor</c> after the last send, until every limit of the thread is as if it had never sent). Each set is kept
/// in two generations that swap when the older is past its time, so nothing is walked to forget a thread: an entry
/// lives between one and two lifetimes. Not thread-safe; the limiter calls it under its lock.
/// </summary>
internal sealed class RecentSends(TimeSpan sentOnceFor, TimeSpan limitedFor, TimeProvider time)
{
    private readonly Generations _sentOnce = new(sentOnceFor);
    private readonly Generations _limited = new(limitedFor);

    public enum Kind
    {
        /// <summary>No send to this thread is still counted anywhere: only the tenant's limit applies.</summary>
        First,

        /// <summary>The thread was sent to once, lately: its limiters start now and count that send too.</summary>
        Second,

        /// <summary>The thread already has limiters.</summary>
        Later,
    }

    public int SentOnce => _sentOnce.Count;

    public int Limited => _limited.Count;

    /// <summary>Records a send to <paramref name="conversationId"/> and says which it is.</summary>
    public Kind Record(string conversationId)
    {
        var now = time.GetTimestamp();
        _sentOnce.Age(now, time);
        _limited.Age(now, time);
        if (_limited.Contains(conversationId))
        {
            _limited.Add(conversationId);
            return Kind.Later;
        }

        if (_sentOnce.Contains(conversationId))
        {
            _limited.Add(conversationId);
            return Kind.Second;
        }

        _sentOnce.Add(conversationId);
        return Kind.First;
    }

    private sealed class Generations(TimeSpan lifetime)
    {
        private HashSet<string> _current = new(StringComparer.Ordinal);
        private HashSet<string> _previous = new(StringComparer.Ordinal);
        private long? _since;

        public int Count => _current.Count + _previous.Count(id => !_current.Contains(id));

        public bool Contains(string id) => _current.Contains(id) || _previous.Contains(id);

        public void Add(string id) => _current.Add(id);

        /// <summary>Once the current generation is a lifetime old it becomes the previous one, and the previous is forgotten.</summary>
        public void Age(long now, TimeProvider time)
        {
            _since ??= now;
            var age = time.GetElapsedTime(_since.Value, now);
            if (age < lifetime)
                return;

            (_previous, _current) = (_current, _previous);
            _current.Clear();
            if (age >= lifetime * 2)
                _previous.Clear();
            _since = now;
        }
    }
}
