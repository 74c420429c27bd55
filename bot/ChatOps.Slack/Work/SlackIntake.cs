using System.Collections.Concurrent;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// The work entry point of every Slack delivery. With a durable intake (<see cref="IIntakeQueue"/>, the bot host's
/// Queue Storage) a request is stored before it is acknowledged and handed to this instance's worker hidden from the
/// others; it is deleted once applied. If the process dies first, the stored request becomes visible again and
/// <see cref="RecoverAsync"/> on any instance takes it, so acknowledged means kept. A full local queue no longer turns
/// a stored request away: it waits in the intake. Requests acknowledged while earlier ones are being stored are stored
/// together, as one message (the group commit, SlackIntake.GroupCommit.cs), so under a burst an ack costs a fraction of a
/// Queue Storage write and of a delete. Without a durable intake (a channel-only host) the in-process queue is the entry
/// point, as before.
/// </summary>
public sealed partial class SlackIntake(SlackWorkQueue queue, IOptions<SlackOptions> options, ILogger<SlackIntake> logger, IIntakeQueue? store = null)
{
    /// <summary>Stored requests this instance holds: message id → the receipt of its latest take (the one that can delete it).</summary>
    private readonly ConcurrentDictionary<string, IntakeReceipt> _held = new(StringComparer.Ordinal);

    private TaskCompletionSource _deferral = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A request was deferred and no look since has found the intake without visible messages.</summary>
    private volatile bool _deferredWaiting;

    public bool IsDurable => store is not null;

    /// <summary>The least time between looks brought by room freeing up: an overload makes at most ten such looks a second.</summary>
    private static readonly TimeSpan RoomLookGap = TimeSpan.FromMilliseconds(100);

    /// <summary>Completes when, after this call, a request stored here goes back to the intake because the queue here was full.</summary>
    public Task NextDeferral => Volatile.Read(ref _deferral).Task;

    /// <summary>
    /// Completes when a request deferred here may be waiting in the intake (one was, and no look has found the intake
    /// drained since, or <paramref name="deferral"/> happens) and half the queue here is free again, not sooner than
    /// <see cref="RoomLookGap"/>: a deferred request need not wait for the next periodic look.
    /// </summary>
    public async Task RoomAfterDeferralAsync(Task deferral, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deferral);
        if (!_deferredWaiting)
        {
            await deferral.WaitAsync(cancellationToken);
        }

        await Task.Delay(RoomLookGap, time, cancellationToken);
        await queue.WhenHalfFreeAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Stores (when durable) and queues one request; anything but <see cref="SlackIntakeResult.Kept"/> must not be acknowledged as accepted.</summary>
    public async ValueTask<SlackIntakeResult> AcceptAsync(SlackWorkItem item, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (store is null)
        {
            return queue.TryEnqueue(item, source) ? SlackIntakeResult.Kept : SlackIntakeResult.Full;
        }

        return await StoreAsync(item, source).WaitAsync(cancellationToken);
    }

    /// <summary>The most one look in the intake takes (Queue Storage's limit per receive).</summary>
    public const int MaxTake = 32;

    /// <summary>
    /// Takes stored requests nobody holds (their holder died, or this instance's queue was full) into the local queue;
    /// returns <see cref="MaxTake"/> when a full batch came back (more may be waiting), else 0.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return 0;
        }

        var settings = options.Value;
        // Only as many as fit here (a message may hold up to MaxBatchItems requests): every take counts towards a
        // message's attempts. With any room at all one message is taken, and its requests are admitted together.
        var room = queue.Room;
        if (room == 0)
        {
            return 0;
        }

        var look = Math.Clamp(room / MaxBatchItems, 1, MaxTake);
        var taken = await store.TakeAsync(look, settings.IntakeVisibilityTimeout, cancellationToken);
        if (taken.Count < look)
        {
            // Nothing more is visible: what was deferred here has been taken (here or by another instance).
            _deferredWaiting = false;
        }

        var recovered = 0;
        foreach (var message in taken)
        {
            var id = message.Receipt.MessageId;
            if (_held.TryGetValue(id, out var old) && _held.TryUpdate(id, message.Receipt, old))
            {
                // Still waiting or running here: only its receipt changed.
                continue;
            }

            var items = SlackWorkItemJson.DeserializeAll(message.Body);
            if (items is null || message.DequeueCount > settings.IntakeMaxAttempts)
            {
                Log.IntakePoison(logger, id, message.DequeueCount, items is null ? "not a Slack work item" : "too many attempts");
                await DeleteAsync(message.Receipt, cancellationToken);
                continue;
            }

            if (await HoldAsync(message.Receipt, items, "intake", taken: true, cancellationToken))
            {
                recovered += items.Count;
            }
        }

        if (recovered > 0)
        {
            Log.IntakeRecovered(logger, recovered);
        }

        return taken.Count == look ? MaxTake : 0;
    }

    /// <summary>Deletes a stored request once it has been applied (or given up); best effort — a stored copy left behind is taken again and found applied.</summary>
    public async Task CompleteAsync(SlackWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Receipt is not { } receipt || store is null)
        {
            return;
        }

        var id = receipt.MessageId;
        if (item.Part is not null)
        {
            lock (_partsLeft)
            {
                // The message is deleted with its last request (the others may still be waiting or running).
                if (_partsLeft.TryGetValue(id, out var left) && left > 1)
                {
                    _partsLeft[id] = left - 1;
                    return;
                }

                _partsLeft.Remove(id);
            }
        }

        await DeleteAsync(_held.TryRemove(id, out var latest) ? latest : receipt, cancellationToken);
    }

    /// <summary>
    /// Queues a stored message's requests here, all or none; when they do not fit the message goes back to the intake
    /// for any instance with room. A message <paramref name="taken"/> from the intake because there was room is admitted
    /// even past the capacity (by at most one message's requests).
    /// </summary>
    private async Task<bool> HoldAsync(IntakeReceipt receipt, IReadOnlyList<SlackWorkItem> items, string source, bool taken, CancellationToken cancellationToken)
    {
        var id = receipt.MessageId;
        _held[id] = receipt;
        if (items.Count > 1)
        {
            lock (_partsLeft)
            {
                _partsLeft[id] = items.Count;
            }
        }

        if (queue.TryEnqueueAll([.. items.Select(item => item with { Receipt = receipt })], source, force: taken, stored: true))
        {
            return true;
        }

        _held.TryRemove(id, out _);
        lock (_partsLeft)
        {
            _partsLeft.Remove(id);
        }

        Log.IntakeDeferred(logger, id);
        try
        {
            await store!.ReleaseAsync(receipt, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure leaves it kept: it becomes visible when its visibility timeout ends.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.IntakeReleaseFailed(logger, ex, id);
        }

        _deferredWaiting = true;
        Interlocked.Exchange(ref _deferral, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return false;
    }

    private async Task DeleteAsync(IntakeReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            if (!await store!.DeleteAsync(receipt, cancellationToken))
            {
                Log.IntakeDeleteFailed(logger, null, receipt.MessageId);
            }
        }
#pragma warning disable CA1031 // Best effort: a copy left behind is taken again and found applied; the worker must go on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.IntakeDeleteFailed(logger, ex, receipt.MessageId);
        }
    }
}

/// <summary>What <see cref="SlackIntake.AcceptAsync"/> did with a request.</summary>
public enum SlackIntakeResult
{
    /// <summary>Stored (or queued, without a durable intake): acknowledge.</summary>
    Kept,

    /// <summary>No durable intake and the in-process queue is full: turned away.</summary>
    Full,

    /// <summary>The durable intake could not store it: nothing was kept.</summary>
    StorageUnavailable,

    /// <summary>Too large for the durable intake: nothing was kept, and a repeat would not fit either.</summary>
    TooLarge,
}
