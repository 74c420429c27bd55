using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Keyed checkpoints of each incident's chain head, coalesced off the command's path: a commit records its head as
/// pending (the newest per incident), and <see cref="FlushAsync(CancellationToken)"/> — the host's checkpoint worker
/// every <c>Audit:CheckpointInterval</c>, and <c>verify</c> for its incident — signs and writes them. A closing head is
/// written at once. Reads the latest back for <c>verify</c>.
/// </summary>
public sealed class AuditCheckpoints(AuditCheckpointSigner signer, IAuditCheckpointStore? store, ILogger<AuditCheckpoints>? logger = null)
{
    /// <summary>
    /// At most this many incidents wait for a flush. Past it the least recently changed one is dropped rather than
    /// flushed on the command's path: the pending set only grows this large when flushes keep failing (storage down),
    /// and a synchronous flush would then fail too, after holding the command for storage's timeouts. A dropped head
    /// leaves what a failed write always left: <c>verify</c> names that incident's newest records as not covered
    /// until its next change.
    /// </summary>
    public const int MaxPending = 10_000;

    private readonly ILogger _logger = logger ?? NullLogger<AuditCheckpoints>.Instance;
    private readonly object _lock = new();
    private readonly Dictionary<(string Tenant, string Incident), LinkedListNode<Head>> _pending = [];
    private readonly LinkedList<Head> _order = new(); // least recently recorded first

    public AuditCheckpointSigner Signer { get; } = signer;

    /// <summary>Checkpoints are written and checked only with a key and a store.</summary>
    public bool IsEnabled => Signer.IsKeyed && store is not null;

    /// <summary>How many incidents have a head waiting for a flush.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Records the head of <paramref name="state"/> after its change was committed, to be written by the next flush (an
    /// older head than the one already pending is ignored). A closed incident's head is written at once, as people export
    /// and verify right after a close; if that write fails it stays pending for the next flush. A storage fault is never
    /// thrown from here: the change itself is stored and must not be reported as lost.
    /// </summary>
    public async Task WriteAsync(Incident state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!IsEnabled)
        {
            return;
        }

        var head = new Head(state.TenantId, state.Id, state.Version, state.LastHash, state.IsClosed);
        if (!Record(head) || !head.Closed)
        {
            return;
        }

        try
        {
            await WriteHeadAsync(head, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
        }
    }

    /// <summary>
    /// Writes every pending head. A head whose write fails stays pending (unless a newer one replaced it meanwhile); on
    /// <see cref="StorageUnavailableException"/> the flush stops there and throws it, leaving the rest for the next flush.
    /// </summary>
    /// <returns>How many checkpoints were written.</returns>
    public Task<int> FlushAsync(CancellationToken cancellationToken = default) => WriteAllAsync(Pending(null), cancellationToken);

    /// <summary>Writes the pending head of one incident, if any (see <see cref="FlushAsync(CancellationToken)"/>).</summary>
    public Task<int> FlushAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
        WriteAllAsync(Pending((tenantId, incidentId)), cancellationToken);

    public Task<AuditCheckpoint?> GetLatestAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
        IsEnabled ? store!.GetLatestAsync(tenantId, incidentId, cancellationToken) : Task.FromResult<AuditCheckpoint?>(null);

    /// <summary>Makes <paramref name="head"/> the incident's pending head unless a newer one is pending. False: it was older.</summary>
    private bool Record(Head head)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(head.Key, out var node))
            {
                if (node.Value.Version > head.Version)
                {
                    return false;
                }

                _order.Remove(node);
            }

            _pending[head.Key] = _order.AddLast(head);
            if (_pending.Count > MaxPending)
            {
                var oldest = _order.First!.Value;
                _order.RemoveFirst();
                _pending.Remove(oldest.Key);
                Log.CheckpointDropped(_logger, oldest.Incident, oldest.Version, MaxPending);
            }

            return true;
        }
    }

    private List<Head> Pending((string Tenant, string Incident)? key)
    {
        lock (_lock)
        {
            if (key is { } one)
            {
                return _pending.TryGetValue(one, out var node) ? [node.Value] : [];
            }

            return [.. _order];
        }
    }

    private async Task<int> WriteAllAsync(List<Head> heads, CancellationToken cancellationToken)
    {
        if (heads.Count == 0 || !IsEnabled)
        {
            return 0;
        }

        var written = 0;
        Exception? failure = null;
        foreach (var head in heads)
        {
            try
            {
                await WriteHeadAsync(head, cancellationToken);
                written++;
            }
            catch (Exception ex) when (ex is not (StorageUnavailableException or OperationCanceledException))
            {
                // Not storage being away: try the others, keep this one pending, and report it after the pass.
                failure ??= ex;
            }
        }

        return failure is null ? written : throw new InvalidOperationException($"{written} of {heads.Count} checkpoint(s) written; the others stay pending.", failure);
    }

    /// <summary>Signs and writes <paramref name="head"/>, then settles it: removed only if it is still the pending head.</summary>
    private async Task WriteHeadAsync(Head head, CancellationToken cancellationToken)
    {
        await store!.WriteAsync(Signer.Sign(head.Tenant, head.Incident, head.Version, head.Hash, head.Closed), cancellationToken);
        lock (_lock)
        {
            // Reference equality: a newer head recorded while this one was being written stays pending.
            if (_pending.TryGetValue(head.Key, out var node) && ReferenceEquals(node.Value, head))
            {
                _order.Remove(node);
                _pending.Remove(head.Key);
            }
        }
    }

    private sealed record Head(string Tenant, string Incident, long Version, string Hash, bool Closed)
    {
        public (string Tenant, string Incident) Key => (Tenant, Incident);
    }
}
