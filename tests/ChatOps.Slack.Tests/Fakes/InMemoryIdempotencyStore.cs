using System.Collections.Concurrent;
using ChatOps.Core.Idempotency;

namespace ChatOps.Slack.Tests.Fakes;

/// <summary>In-memory claim set; a gate can hold every claim (slow storage) and <see cref="FailWith"/> fail it.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _attempts = new();

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, every claim fails with it (storage down).</summary>
    public Exception? FailWith { get; set; }

    public IReadOnlyList<string> Attempts => [.. _attempts];

    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        // Read the failure before recording the attempt, so a test that waits for the attempt sees this one fail.
        var failWith = FailWith;
        _attempts.Enqueue($"{scope}/{key}");
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (failWith is { } failure)
        {
            throw failure;
        }

        return _claimed.TryAdd($"{scope}/{key}", true);
    }
}
