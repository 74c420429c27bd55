using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;

namespace ChatOps.Testing;

/// <summary>
/// An in-memory <see cref="IIncidentStore"/> with the same contract as the Table storage one: snapshots are
/// copied in and out (as JSON), commits are atomic and conditioned on an ETag.
/// </summary>
public sealed class InMemoryIncidentStore : IIncidentStore
{
    private readonly ConcurrentDictionary<string, Entry> _incidents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);

    /// <summary>Number of successful commits (each is one storage round trip in the real store).</summary>
    public int Commits { get; private set; }

    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Snapshot reads (each one a storage round trip in the real store).</summary>
    public int Reads { get; private set; }

    public Task<IncidentSnapshot?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Reads++;
            return Task.FromResult(_incidents.TryGetValue(Key(tenantId, incidentId), out var entry)
                ? new IncidentSnapshot(Copy(entry.State), entry.ETag.ToString(CultureInfo.InvariantCulture))
                : null);
        }
    }

    public Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DecisionRecord>>(_incidents.TryGetValue(Key(tenantId, incidentId), out var entry) ? entry.Records.ToList() : []);
        }
    }

    public Task<IncidentSnapshot> CommitAsync(IncidentCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_lock)
        {
            var key = Key(commit.State.TenantId, commit.State.Id);
            _incidents.TryGetValue(key, out var current);
            var expected = commit.ExpectedETag is null ? (long?)null : long.Parse(commit.ExpectedETag, CultureInfo.InvariantCulture);
            // As in the Table store: a delivery applied before is a duplicate whatever the ETag (a re-run on a stale read).
            if (commit.DeliveryKey is { } delivery && _applied.Contains(key + "|" + delivery))
            {
                throw new DuplicateDeliveryException();
            }

            if ((current is null && expected is not null) || (current is not null && current.ETag != expected))
            {
                throw new ConcurrencyConflictException();
            }

            if (commit.DeliveryKey is { } applied)
            {
                _applied.Add(key + "|" + applied);
            }

            var records = current?.Records.ToList() ?? [];
            records.AddRange(commit.Records);
            var entry = new Entry(Copy(commit.State), (current?.ETag ?? 0) + 1, records);
            _incidents[key] = entry;
            Outbox.AddRange(commit.Outbox);
            Commits++;
            return Task.FromResult(new IncidentSnapshot(Copy(entry.State), entry.ETag.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public Task<string?> TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = Key(tenantId, incidentId);
            if (!_incidents.TryGetValue(key, out var entry))
            {
                return Task.FromResult<string?>(null);
            }

            _incidents[key] = entry with { ETag = entry.ETag + 1 };
            return Task.FromResult<string?>((entry.ETag + 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    public Task<string> AllocateIncidentIdAsync(string tenantId, int year, CancellationToken cancellationToken = default)
    {
        var next = _counters.AddOrUpdate($"{tenantId}|{year}", 1, (_, n) => n + 1);
        return Task.FromResult(FormattableString.Invariant($"INC-{year}-{next:D4}"));
    }

    /// <summary>Replaces a stored record (to simulate tampering).</summary>
    public void Tamper(string tenantId, string incidentId, int index, Func<DecisionRecord, DecisionRecord> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_lock)
        {
            var entry = _incidents[Key(tenantId, incidentId)];
            entry.Records[index] = edit(entry.Records[index]);
        }
    }

    /// <summary>Removes a stored record (to simulate a deleted log entry).</summary>
    public void Delete(string tenantId, string incidentId, int index)
    {
        lock (_lock)
        {
            _incidents[Key(tenantId, incidentId)].Records.RemoveAt(index);
        }
    }

    /// <summary>Swaps two stored records (to simulate a reordered log).</summary>
    public void Swap(string tenantId, string incidentId, int first, int second)
    {
        lock (_lock)
        {
            var records = _incidents[Key(tenantId, incidentId)].Records;
            (records[first], records[second]) = (records[second], records[first]);
        }
    }

    private static Incident Copy(Incident state) =>
        JsonSerializer.Deserialize<Incident>(JsonSerializer.Serialize(state, EventSerializer.Options), EventSerializer.Options)!;

    private static string Key(string tenant, string id) => tenant + "|" + id;

    private sealed record Entry(Incident State, long ETag, List<DecisionRecord> Records);
}
