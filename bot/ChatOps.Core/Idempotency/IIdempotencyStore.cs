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
}
