using System.Collections.Concurrent;
using ChatOps.Core.Idempotency;

namespace ChatOps.Teams.Tests.Fakes;

public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_claimed.TryAdd(scope + "\n" + key, true));
}
