using ChatOps.Core.Decisions;

namespace ChatOps.Core.Storage;

/// <summary>
/// Keeps each incident's <see cref="AuditCheckpoint"/>s outside its partition, so rewriting the partition does not
/// rewrite them. One cheap write (no read), separate from the incident's transaction, per incident per
/// <c>Audit:CheckpointInterval</c> (<see cref="AuditCheckpoints"/> coalesces the heads of its changes).
/// </summary>
public interface IAuditCheckpointStore
{
    /// <summary>Stores the checkpoint of one chain head (writing the same sequence again replaces it).</summary>
    Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint with the highest sequence of the incident, or null when there is none.</summary>
    Task<AuditCheckpoint?> GetLatestAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default);
}
