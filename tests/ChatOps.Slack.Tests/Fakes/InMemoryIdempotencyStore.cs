using System.Collections.Concurrent;
using ChatOps.Core.Idempotency;

namespace ChatOps.Slack.Tests.Fakes;

/// <summary>In-memory claim set; a gate can hold every claim to play slow storage.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _attempts = new();

    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<string> Attempts => [.. _attempts];

    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        _attempts.Enqueue($"{scope}/{key}");
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return _claimed.TryAdd($"{scope}/{key}", true);
    }
}
