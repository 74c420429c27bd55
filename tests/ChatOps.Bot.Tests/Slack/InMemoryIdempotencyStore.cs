using System.Collections.Concurrent;
using ChatOps.Core.Idempotency;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>In-memory fake of the idempotency port (the Table storage implementation is tested in Storage).</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_claimed.TryAdd($"{scope}/{key}", true));
}
