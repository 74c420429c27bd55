using System.Globalization;
using ChatOps.Core.Storage;

namespace ChatOps.Testing;

/// <summary>
/// An in-memory <see cref="IIntakeQueue"/> with Queue Storage's contract: a message is hidden until its visibility
/// timeout passes, each take hands out a new pop receipt (the old one can no longer delete), and ids are stable.
/// </summary>
public sealed class InMemoryIntakeQueue(TimeProvider? time = null) : IIntakeQueue
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly List<Entry> _messages = [];
    private long _next;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Messages stored and not yet deleted.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _messages.Count;
        }
    }

    /// <summary>Completes once no message is left (each was deleted); no polling.</summary>
    public async Task WaitUntilEmptyAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            // Take the signal before counting: a change after the count completes this signal.
            var signal = Volatile.Read(ref _changed);
            if (Count == 0)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>When set, every call throws it (a storage outage).</summary>
    public Exception? Fault { get; set; }

    /// <summary>When set, awaited by every write (given its body) before it stores: a slow store, so writes overlap.</summary>
    public Func<string, CancellationToken, Task>? BeforeAdd { get; set; }

    /// <summary>Messages ever written.</summary>
    public int Added
    {
        get
        {
            lock (_lock)
                return (int)_next;
        }
    }

    /// <summary>The bodies of the messages stored now, oldest first.</summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_lock)
                return [.. _messages.Select(m => m.Body)];
        }
    }

    public async Task<IntakeReceipt> AddAsync(string body, TimeSpan hiddenFor, CancellationToken cancellationToken = default)
    {
        if (BeforeAdd is { } before)
            await before(body, cancellationToken);
        return Add(body, hiddenFor);
    }

    private IntakeReceipt Add(string body, TimeSpan hiddenFor)
    {
        lock (_lock)
        {
            ThrowIfFaulted();
            var entry = new Entry((++_next).ToString(CultureInfo.InvariantCulture), body) { VisibleAt = _time.GetUtcNow() + hiddenFor, PopReceipt = NewReceipt() };
            _messages.Add(entry);
            return new IntakeReceipt(entry.Id, entry.PopReceipt);
        }
    }

    public Task<IReadOnlyList<IntakeMessage>> TakeAsync(int max, TimeSpan hiddenFor, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ThrowIfFaulted();
            var now = _time.GetUtcNow();
            var taken = new List<IntakeMessage>();
            foreach (var entry in _messages.Where(m => m.VisibleAt <= now).Take(max))
            {
                entry.VisibleAt = now + hiddenFor;
                entry.PopReceipt = NewReceipt();
                entry.DequeueCount++;
                taken.Add(new IntakeMessage(new IntakeReceipt(entry.Id, entry.PopReceipt), entry.Body, entry.DequeueCount));
            }

            return Task.FromResult<IReadOnlyList<IntakeMessage>>(taken);
        }
    }

    public Task ReleaseAsync(IntakeReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        lock (_lock)
        {
            ThrowIfFaulted();
            foreach (var entry in _messages.Where(m => m.Id == receipt.MessageId && m.PopReceipt == receipt.PopReceipt))
                entry.VisibleAt = _time.GetUtcNow();
            return Task.CompletedTask;
        }
    }

    public Task<bool> DeleteAsync(IntakeReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        lock (_lock)
        {
            ThrowIfFaulted();
            var deleted = _messages.RemoveAll(m => m.Id == receipt.MessageId && m.PopReceipt == receipt.PopReceipt) == 1;
            Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
            return Task.FromResult(deleted);
        }
    }

    private void ThrowIfFaulted()
    {
        if (Fault is { } fault)
            throw fault;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string NewReceipt() => Guid.NewGuid().ToString("N");

    private sealed class Entry(string id, string body)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public DateTimeOffset VisibleAt { get; set; }

        public string PopReceipt { get; set; } = "";

        public long DequeueCount { get; set; }
    }
}
