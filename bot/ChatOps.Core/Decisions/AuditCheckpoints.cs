using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;

namespace ChatOps.Core.Decisions;

/// <summary>Writes a keyed checkpoint of the chain head after every stored change, and reads the latest back for <c>verify</c>.</summary>
public sealed class AuditCheckpoints(AuditCheckpointSigner signer, IAuditCheckpointStore? store)
{
    public AuditCheckpointSigner Signer { get; } = signer;

    /// <summary>Checkpoints are written and checked only with a key and a store.</summary>
    public bool IsEnabled => Signer.IsKeyed && store is not null;

    /// <summary>
    /// Records the head of <paramref name="state"/> after its change was committed. A storage fault here is swallowed:
    /// the change itself is stored and must not be reported as lost; the next change writes a newer checkpoint, and
    /// until then <c>verify</c> reports the last records as not covered by one.
    /// </summary>
    public async Task WriteAsync(Incident state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!IsEnabled)
        {
            return;
        }

        try
        {
            await store!.WriteAsync(Signer.Sign(state.TenantId, state.Id, state.Version, state.LastHash, state.IsClosed), cancellationToken);
        }
        catch (StorageUnavailableException)
        {
        }
    }

    public Task<AuditCheckpoint?> GetLatestAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
        IsEnabled ? store!.GetLatestAsync(tenantId, incidentId, cancellationToken) : Task.FromResult<AuditCheckpoint?>(null);
}
