using System.Collections.Concurrent;
using ChatOps.Core.Idempotency;

namespace ChatOps.Testing;

/// <summary>
/// In-memory claim set that keeps each claim's id, as the Table store does (a claim taken again with the same id is
/// still ours). It records every attempt; a <see cref="Gate"/> holds every claim (slow storage) and
/// <see cref="FailWith"/> fails it (storage down).
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, string> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _attempts = new();
    private TaskCompletionSource _attempted = NewSignal();

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, every claim fails with it (storage down).</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Every claim attempted, as <c>scope/key</c> (each is a storage write in production).</summary>
    public IReadOnlyList<string> Attempts => [.. _attempts];

    /// <summary>Completes once <paramref name="count"/> claims have been attempted (no polling).</summary>
    public async Task WaitForAttemptsAsync(int count, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            // Take the signal before counting: an attempt made after the count completes this signal.
            var signal = Volatile.Read(ref _attempted);
            if (_attempts.Count >= count)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        TryClaimAsync(scope, key, Guid.NewGuid().ToString("N"), cancellationToken);

    public async Task<bool> TryClaimAsync(string scope, string key, string claimId, CancellationToken cancellationToken = default)
    {
        // Read the failure before recording the attempt, so a test that waits for the attempt sees this one fail.
        var failWith = FailWith;
        _attempts.Enqueue($"{scope}/{key}");
        Interlocked.Exchange(ref _attempted, NewSignal()).TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (failWith is { } failure)
        {
            throw failure;
        }

        return _claims.GetOrAdd(scope + "\n" + key, claimId) == claimId;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
