namespace ChatOps.Core.Idempotency;

/// <summary>
/// Remembers delivery ids (Slack <c>event_id</c>, retried Teams activity ids, button action ids) so a
/// repeated delivery does nothing twice, across restarts and bot instances.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> in <paramref name="scope"/>. True the first time; false when it was already
    /// claimed (by this or another instance).
    /// </summary>
    Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="key"/> as <paramref name="claimId"/>: also true when the existing claim carries the same id,
    /// so the holder of a durable work item that was taken again after a crash (the same item, the same id) may go on.
    /// A store that keeps no claim ids treats every repeat as seen.
    /// </summary>
    Task<bool> TryClaimAsync(string scope, string key, string claimId, CancellationToken cancellationToken = default) =>
        TryClaimAsync(scope, key, cancellationToken);
}
