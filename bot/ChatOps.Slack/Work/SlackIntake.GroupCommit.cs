using System.Text;
using ChatOps.Core.Storage;

namespace ChatOps.Slack.Work;

/// <summary>
/// The durable intake's group commit. Every acknowledged request waits for its own write, but at most
/// <see cref="MaxWritesInFlight"/> writes run at once, and a write stores every request waiting when it starts (up to
/// <see cref="MaxBatchItems"/> and <see cref="MaxBatchBytes"/>) as one Queue Storage message. A request arriving while
/// nothing is being written is stored alone at once (no added wait, and the message is the request itself, as before);
/// under a burst the requests that arrive during one write share the next, so the acks cost a fraction of a write each,
/// and the message is deleted once, after its last request is applied. Each request keeps its own identity in the
/// message (<see cref="SlackWorkItem.IntakeId"/>: the message id and its place), so a message taken again after a crash
/// applies each request at most once.
/// </summary>
public sealed partial class SlackIntake
{
    /// <summary>The most requests one stored message holds.</summary>
    public const int MaxBatchItems = 16;

    /// <summary>The most bytes of requests one stored message holds when it holds several (the store's limit is higher: the envelope and escaping fit).</summary>
    public const int MaxBatchBytes = 24 * 1024;

    /// <summary>The most intake writes this instance runs at once; requests arriving meanwhile are stored by the next.</summary>
    public const int MaxWritesInFlight = 4;

    private readonly Queue<Handover> _unstored = new();
    private readonly SemaphoreSlim _writeSlots = new(MaxWritesInFlight, MaxWritesInFlight);

    /// <summary>Stored messages holding several requests: message id → how many are not yet applied.</summary>
    private readonly Dictionary<string, int> _partsLeft = new(StringComparer.Ordinal);

    /// <summary>
    /// Stores one request (with whatever else is waiting) and holds it here; completes once its message is written. The
    /// write is not tied to the request's cancellation: once handed over, a request is stored for the requests it shares
    /// a message with.
    /// </summary>
    private async Task<SlackIntakeResult> StoreAsync(SlackWorkItem item, string source)
    {
        var mine = new Handover(item, SlackWorkItemJson.Serialize(item), source);
        lock (_unstored)
        {
            _unstored.Enqueue(mine);
        }

        while (!mine.Done.Task.IsCompleted)
        {
            await _writeSlots.WaitAsync(CancellationToken.None);
            var batch = new List<Handover>();
            try
            {
                if (!mine.Done.Task.IsCompleted)
                {
                    batch = NextBatch();
                    await WriteAsync(batch);
                }
            }
            finally
            {
                _writeSlots.Release();
            }

            if (batch.Count == 0)
            {
                // Nothing was waiting, so a write under way took this request too: its end completes it.
                break;
            }
        }

        return await mine.Done.Task;
    }

    /// <summary>Requests handed over for storing and not yet in a write.</summary>
    public int Unstored
    {
        get
        {
            lock (_unstored)
            {
                return _unstored.Count;
            }
        }
    }

    /// <summary>The requests waiting longest, as many as one message holds (at least one).</summary>
    private List<Handover> NextBatch()
    {
        var batch = new List<Handover>();
        var bytes = 0;
        lock (_unstored)
        {
            while (batch.Count < MaxBatchItems && _unstored.TryPeek(out var next)
                && (batch.Count == 0 || bytes + next.Bytes + 1 <= MaxBatchBytes))
            {
                batch.Add(_unstored.Dequeue());
                bytes += next.Bytes + 1;
            }
        }

        return batch;
    }

    private async Task WriteAsync(List<Handover> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        try
        {
            var body = batch.Count == 1 ? batch[0].Body : SlackWorkItemJson.SerializeBatch([.. batch.Select(u => u.Body)]);
            var receipt = await store!.AddAsync(body, settings.IntakeVisibilityTimeout, CancellationToken.None);
            var items = batch.Count == 1 ? [batch[0].Item] : batch.Select((u, part) => u.Item with { Part = part }).ToList();
            await HoldAsync(receipt, items, batch[0].Source, taken: false, CancellationToken.None);
            Finish(batch, SlackIntakeResult.Kept);
        }
        catch (StorageUnavailableException ex)
        {
            Log.IntakeUnavailable(logger, ex, batch[0].Source);
            Finish(batch, SlackIntakeResult.StorageUnavailable);
        }
        catch (EntityTooLargeException ex) when (batch.Count == 1)
        {
            Log.IntakeTooLarge(logger, batch[0].Source, ex.Message);
            Finish(batch, SlackIntakeResult.TooLarge);
        }
        catch (EntityTooLargeException)
        {
            // The store counts bytes after its own framing: store each alone, so only a request too large by itself is refused.
            foreach (var one in batch)
            {
                await WriteAsync([one]);
            }
        }
#pragma warning disable CA1031 // Handed to every request the write was for: each caller's ack path reports it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var waiting in batch)
            {
                waiting.Done.TrySetException(ex);
            }
        }
    }

    private static void Finish(List<Handover> batch, SlackIntakeResult result)
    {
        foreach (var waiting in batch)
        {
            waiting.Done.TrySetResult(result);
        }
    }

    /// <summary>A request handed over for storing, and the answer its ack waits for.</summary>
    private sealed class Handover(SlackWorkItem item, string body, string source)
    {
        public SlackWorkItem Item => item;

        public string Body => body;

        public string Source => source;

        public int Bytes { get; } = Encoding.UTF8.GetByteCount(body);

        public TaskCompletionSource<SlackIntakeResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
