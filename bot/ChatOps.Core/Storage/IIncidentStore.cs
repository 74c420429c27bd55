using ChatOps.Core.Decisions;

namespace ChatOps.Core.Storage;

/// <summary>
/// Persists incidents: the snapshot and the decision records of one incident live together so that one
/// change is one atomic write conditioned on the snapshot's version.
/// </summary>
public interface IIncidentStore
{
    /// <summary>The incident's snapshot and its concurrency tag, or null when it does not exist in the tenant.</summary>
    Task<IncidentSnapshot?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default);

    /// <summary>All decision records of the incident, in sequence order.</summary>
    Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends records, replaces the snapshot and writes outbox rows in ONE transaction, conditioned on
    /// <see cref="IncidentCommit.ExpectedETag"/> (null = the incident must not exist yet).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Someone else changed the incident first.</exception>
    /// <exception cref="EntityTooLargeException">A row would exceed Table storage's limits.</exception>
    /// <exception cref="StorageUnavailableException">Storage could not be reached.</exception>
    Task<IncidentSnapshot> CommitAsync(IncidentCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the incident a new ETag without changing its state or records, so every instance that decided on the old
    /// one must read it again: how a change that lives outside the incident (a dialog started in one of its
    /// conversations) reaches what other instances keep in memory. Returns the new ETag, or null when the incident does not exist.
    /// </summary>
    /// <exception cref="StorageUnavailableException">Storage could not be reached.</exception>
    Task<string?> TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default);

    /// <summary>Allocates the next incident number of the tenant for the year, e.g. <c>INC-2026-0007</c>.</summary>
    Task<string> AllocateIncidentIdAsync(string tenantId, int year, CancellationToken cancellationToken = default);
}
