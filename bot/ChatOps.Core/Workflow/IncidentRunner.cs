using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Runs a decision against an incident: load the snapshot, decide on fresh state, append the events with the
/// hash chain, and commit everything in one conditional write. A lost race re-runs the decision on the new state
/// (up to <see cref="Attempts"/> tries), then reports a conflict. Inside one process, changes of one incident take turns (<see cref="IncidentWriteGate"/>),
/// so a conflict means another instance. Listeners hear of each commit after it is stored. After each commit a keyed
/// checkpoint of the chain head is written outside the incident's partition (one more small write; see ARCHITECTURE.md).
/// The last snapshot this process read or wrote of each incident is kept and decided on first, without a read: a
/// change commits only on its ETag, so a snapshot another instance has moved on from fails the commit, is read again
/// and decided again (that try is not counted), and an outcome that records nothing is checked on a fresh read.
/// </summary>
public sealed class IncidentRunner(
    IIncidentStore store, TimeProvider time, IReadOnlyList<IIncidentReaction>? reactions = null, IReadOnlyList<ICommitListener>? listeners = null,
    AuditCheckpoints? checkpoints = null, IncidentWriteGate? gate = null)
{
    /// <summary>
    /// Tries per change. Within a process writers take turns, so a lost race is with another instance; its own follow-up
    /// commit (a card sync, a notice) can win the retry too, hence two retries before "someone else changed".
    /// </summary>
    public const int Attempts = 3;

    private readonly IncidentWriteGate _gate = gate ?? new IncidentWriteGate();
    // Kept as JSON: the projector changes an incident in place, so each decision gets its own copy and no reply that
    // renders one outcome's incident can see the next command's change.
    private readonly ConcurrentDictionary<string, (byte[] Json, string ETag)> _known = new(StringComparer.Ordinal);

    /// <summary>Incidents whose last snapshot is kept (active incidents are few; past this the memory is simply dropped).</summary>
    public const int KnownSnapshots = 10_000;

    public const string AlreadyApplied = "That request had already been recorded (it was delivered again after a restart); nothing more was changed.";

    public Task<IncidentOutcome> ChangeAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, incidentId, actor, decide, deliveryKey: null, cancellationToken);

    /// <param name="deliveryKey">Set for a change that can be delivered again (see <see cref="IncidentCommit.DeliveryKey"/>).</param>
    public Task<IncidentOutcome> ChangeAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, string? deliveryKey, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, incidentId, actor, decide, deliveryKey, nothingMayRestOnKept: false, cancellationToken);

    /// <param name="deliveryKey">Set for a change that can be delivered again (see <see cref="IncidentCommit.DeliveryKey"/>).</param>
    /// <param name="nothingMayRestOnKept">
    /// True only where deciding "nothing to record" on a kept snapshot is safe because the same question is asked again
    /// on the state a later change commits (the authority pre-check). Otherwise an outcome that records nothing, like a
    /// refusal, is decided again on a fresh read when it was decided on a kept snapshot: "another instance already did
    /// it" must not rest on a snapshot from before that instance's change.
    /// </param>
    public async Task<IncidentOutcome> ChangeAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, string? deliveryKey, bool nothingMayRestOnKept,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var kept = true;
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, committed, stale) = await DecideAndCommitAsync(tenantId, incidentId, actor, decide, deliveryKey, attempt, kept, nothingMayRestOnKept, cancellationToken);
            kept = false;
            if (stale)
            {
                // Decided on a kept snapshot that was out of date: not a lost race, so the try is not counted.
                attempt--;
                continue;
            }

            if (outcome is null)
            {
                continue;
            }

            if (committed is var (state, records))
            {
                // After the incident's turn ends: a listener may itself change the incident.
                await NotifyAsync(tenantId, state, records, cancellationToken);
            }

            return outcome;
        }
    }

    /// <summary>
    /// One attempt inside the incident's turn (<see cref="IncidentWriteGate"/>): load, decide, commit, checkpoint. Null
    /// outcome: lost a race with another instance, try again. The new state and its records are returned when something was
    /// committed (a refusal recorded as an attempt included).
    /// </summary>
    private async Task<(IncidentOutcome? Outcome, (Incident State, IReadOnlyList<DecisionRecord> Records)? Committed, bool Stale)> DecideAndCommitAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, string? deliveryKey, int attempt, bool useKept, bool nothingMayRestOnKept,
        CancellationToken cancellationToken)
    {
        var key = tenantId + "|" + incidentId;
        using (await _gate.EnterAsync(key, cancellationToken))
        {
            (byte[] Json, string ETag) kept = default;
            var fromKept = useKept && _known.TryGetValue(key, out kept);
            var snapshot = fromKept
                ? new IncidentSnapshot(JsonSerializer.Deserialize<Incident>(kept.Json, EventSerializer.Options)!, kept.ETag!)
                : await store.GetAsync(tenantId, incidentId, cancellationToken);
            if (snapshot is null)
            {
                _known.TryRemove(key, out _);
                return (new IncidentOutcome(null, [], $"Incident {incidentId} was not found.", OutcomeStatus.NotFound), null, false);
            }

            if (!fromKept)
            {
                Keep(key, snapshot);
            }

            var change = decide(snapshot.Incident);
            if (change.Events.Count == 0)
            {
                // Recording nothing must not rest on a snapshot another instance may have moved on from, except where
                // the caller asks the same again on the state it commits (and a refusal never).
                return fromKept && (change.IsRefused || !nothingMayRestOnKept)
                    ? (null, null, true)
                    : (new IncidentOutcome(snapshot.Incident, [], change.Refusal, change.IsRefused ? OutcomeStatus.Refused : OutcomeStatus.Applied), null, false);
            }

            try
            {
                var (state, records, outbox) = Build(snapshot.Incident, actor, change.Events, incidentId);
                Keep(key, await store.CommitAsync(new IncidentCommit(state, snapshot.ETag, records, [.. change.Outbox, .. outbox], deliveryKey), cancellationToken));
                await CheckpointAsync(state, cancellationToken);
                return (new IncidentOutcome(state, records, change.Refusal, change.IsRefused ? OutcomeStatus.Refused : OutcomeStatus.Applied), (state, records), false);
            }
            catch (DuplicateDeliveryException)
            {
                _known.TryRemove(key, out _);
                return (new IncidentOutcome(snapshot.Incident, [], AlreadyApplied, OutcomeStatus.Duplicate), null, false);
            }
            catch (ConcurrencyConflictException) when (fromKept || attempt < Attempts)
            {
                // Another instance committed first (or the kept snapshot was older than storage): decide again on what is stored.
                _known.TryRemove(key, out _);
                return (null, null, fromKept);
            }
            catch (ConcurrencyConflictException)
            {
                _known.TryRemove(key, out _);
                return (new IncidentOutcome(null, [], "Someone else changed this incident at the same moment. Nothing was recorded; please try again.", OutcomeStatus.Conflict), null, false);
            }
            catch
            {
                // A commit that failed otherwise (storage unavailable) may or may not have landed: read it next time.
                _known.TryRemove(key, out _);
                throw;
            }
        }
    }

    private void Keep(string key, IncidentSnapshot snapshot)
    {
        if (_known.Count >= KnownSnapshots && !_known.ContainsKey(key))
        {
            _known.Clear();
        }

        _known[key] = (JsonSerializer.SerializeToUtf8Bytes(snapshot.Incident, EventSerializer.Options), snapshot.ETag);
    }

    private Task CheckpointAsync(Incident state, CancellationToken cancellationToken) =>
        checkpoints?.WriteAsync(state, cancellationToken) ?? Task.CompletedTask;

    private async Task NotifyAsync(string tenantId, Incident state, IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners ?? [])
        {
            await listener.OnCommittedAsync(tenantId, state, records, cancellationToken);
        }
    }

    /// <summary>Creates a new incident from its declaration (and any events that follow it in the same command).</summary>
    public async Task<IncidentOutcome> CreateAsync(
        string incidentId, Actor actor, IncidentDeclared declaration, IReadOnlyList<PendingEvent> more, IReadOnlyList<OutboxMessage> outbox,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(more);
        var events = new List<PendingEvent> { new(declaration) };
        events.AddRange(more);
        var (state, records, reactionOutbox) = Build(null, actor, events, incidentId);
        try
        {
            await store.CommitAsync(new IncidentCommit(state, null, records, [.. outbox, .. reactionOutbox]), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new IncidentOutcome(null, [], $"Incident {incidentId} already exists.", OutcomeStatus.Conflict);
        }

        await CheckpointAsync(state, cancellationToken);

        return new IncidentOutcome(state, records, null, OutcomeStatus.Applied);
    }

    private (Incident State, List<DecisionRecord> Records, List<OutboxMessage> Outbox) Build(Incident? state, Actor actor, IReadOnlyList<PendingEvent> events, string incidentId)
    {
        var now = time.GetUtcNow();
        var records = new List<DecisionRecord>(events.Count);

        void Append(PendingEvent pending)
        {
            var previousHash = state?.LastHash ?? HashChain.GenesisHash;
            var sequence = (state?.Version ?? 0) + 1;
            var payload = EventSerializer.Serialize(pending.Event);
            var hash = HashChain.Compute(previousHash, sequence, pending.Event.Kind, actor, now, payload, pending.Reason);
            var record = new DecisionRecord(sequence, pending.Event.Kind, actor, now, payload, pending.Reason, previousHash, hash);
            state = IncidentProjector.Apply(state, record, pending.Event, incidentId);
            records.Add(record);
        }

        foreach (var pending in events)
        {
            Append(pending);
        }

        // Rules that follow from the new state are recorded in the same transaction (once; they do not cascade).
        var outbox = new List<OutboxMessage>();
        var recorded = records.ToList();
        foreach (var reaction in reactions ?? [])
        {
            var change = reaction.React(state!, recorded, now);
            foreach (var pending in change.Events)
            {
                Append(pending);
            }

            outbox.AddRange(change.Outbox);
        }

        return (state!, records, outbox);
    }
}
