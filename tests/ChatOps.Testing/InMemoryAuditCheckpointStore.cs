using System.Collections.Concurrent;
using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;

namespace ChatOps.Testing;

/// <summary>Checkpoints by tenant and incident, newest sequence wins; tests may remove or replace them.</summary>
public sealed class InMemoryAuditCheckpointStore : IAuditCheckpointStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Incident), SortedList<long, AuditCheckpoint>> _checkpoints = new();
    private readonly ConcurrentQueue<AuditCheckpoint> _written = new();

    /// <summary>Every checkpoint written, in order (a write <see cref="BeforeWrite"/> failed is not among them).</summary>
    public IReadOnlyList<AuditCheckpoint> Written => [.. _written];

    /// <summary>Runs before each write: a test may hold the write (await something) or fail it (throw).</summary>
    public Func<AuditCheckpoint, Task>? BeforeWrite { get; set; }

    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (BeforeWrite is { } before)
        {
            await before(checkpoint);
        }

        _written.Enqueue(checkpoint);
        var list = _checkpoints.GetOrAdd((checkpoint.TenantId, checkpoint.IncidentId), _ => []);
        lock (list)
        {
            list[checkpoint.Sequence] = checkpoint;
        }
    }

    public Task<AuditCheckpoint?> GetLatestAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        if (!_checkpoints.TryGetValue((tenantId, incidentId), out var list))
        {
            return Task.FromResult<AuditCheckpoint?>(null);
        }

        lock (list)
        {
            return Task.FromResult(list.Count == 0 ? null : list.Values[^1]);
        }
    }

    /// <summary>Removes every checkpoint of the incident (what someone with storage access could do).</summary>
    public void Clear(string tenantId, string incidentId) => _checkpoints.TryRemove((tenantId, incidentId), out _);
}
