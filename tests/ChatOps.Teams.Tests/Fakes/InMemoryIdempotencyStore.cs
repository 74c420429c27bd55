using System.Collections.Concurrent;
using ChatOps.Core.Idempotency;

namespace ChatOps.Teams.Tests.Fakes;

public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.Ordinal);
    private int _attempts;

    /// <summary>How many claims were attempted (each is a storage write in production).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        return Task.FromResult(_claimed.TryAdd(scope + "\n" + key, true));
    }
}
