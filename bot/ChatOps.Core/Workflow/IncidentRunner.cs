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
/// checkpoint of the chain head is recorded for writing outside the incident's partition, coalesced off the command's path
/// (<see cref="AuditCheckpoints"/>; a close is written at once).
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
    private readonly ConcurrentDictionary<string, Kept> _known = new(StringComparer.Ordinal);
    private long _epochs;

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
    public Task<IncidentOutcome> ChangeAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, string? deliveryKey, bool nothingMayRestOnKept,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, incidentId, actor, decide, deliveryKey, nothingMayRestOnKept, routedOn: null, cancellationToken);

    /// <param name="routedOn">
    /// The epoch of the kept snapshot (<see cref="KeptEpoch"/>) the caller chose this change on without reading storage (no dialog waiting, see
    /// <see cref="Handlers.DialogHandler.WaitingAsync"/>). When the incident is decided in any other epoch, the choice may
    /// be wrong, so nothing is decided and <see cref="KeptSnapshotStaleException"/> sends the command back to be routed again.
    /// </param>
    public async Task<IncidentOutcome> ChangeAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, string? deliveryKey, bool nothingMayRestOnKept,
        long? routedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var kept = true;
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, committed, stale) = await DecideAndCommitAsync(tenantId, incidentId, actor, decide, deliveryKey, attempt, kept, nothingMayRestOnKept, routedOn, cancellationToken);
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
    /// One attempt inside the incident's turn (<see cref="IncidentWriteGate"/>): load, decide, commit, record the checkpoint. Null
    /// outcome: lost a race with another instance, try again. The new state and its records are returned when something was
    /// committed (a refusal recorded as an attempt included).
    /// </summary>
    private async Task<(IncidentOutcome? Outcome, (Incident State, IReadOnlyList<DecisionRecord> Records)? Committed, bool Stale)> DecideAndCommitAsync(
        string tenantId, string incidentId, Actor actor, Func<Incident, Change> decide, string? deliveryKey, int attempt, bool useKept, bool nothingMayRestOnKept,
        long? routedOn, CancellationToken cancellationToken)
    {
        var key = tenantId + "|" + incidentId;
        using (await _gate.EnterAsync(key, cancellationToken))
        {
            Kept kept = default;
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
                Keep(key, snapshot, continues: _known.TryGetValue(key, out var was) && was.ETag == snapshot.ETag);
            }

            if (routedOn is { } epoch && !(_known.TryGetValue(key, out var settled) && settled.Epoch == epoch))
            {
                // The command was routed on a state the incident has left: nothing decided; route it again.
                throw new KeptSnapshotStaleException();
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
                // Committed on the snapshot just decided on: nothing came between, so what was known about it still holds.
                Keep(key, await store.CommitAsync(new IncidentCommit(state, snapshot.ETag, records, [.. change.Outbox, .. outbox], deliveryKey), cancellationToken), continues: true);
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

    /// <summary>
    /// The epoch of the snapshot this process keeps of the incident, or null. The epoch stays the same while every
    /// change of the incident is known to this process (its own commits on the kept snapshot, its own touches) and is
    /// new whenever the snapshot is read from storage with another ETag; so something remembered "as of" an epoch (no
    /// dialog waiting) holds while the epoch does, and the commit's ETag condition catches what another instance did.
    /// </summary>
    public long? KeptEpoch(string tenantId, string incidentId) =>
        _known.TryGetValue(tenantId + "|" + incidentId, out var kept) ? kept.Epoch : null;

    /// <summary>True when <paramref name="storedETag"/>, just read from storage, is the kept snapshot's and its epoch is <paramref name="epoch"/>.</summary>
    public bool StillKept(string tenantId, string incidentId, long epoch, string? storedETag) =>
        _known.TryGetValue(tenantId + "|" + incidentId, out var kept) && kept.Epoch == epoch && kept.ETag == storedETag;

    /// <summary>
    /// Gives the incident a new ETag (<see cref="IIncidentStore.TouchAsync"/>) in its turn, and keeps the snapshot under
    /// it: every other instance's kept snapshot is then stale and read again before it decides.
    /// </summary>
    public async Task TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        var key = tenantId + "|" + incidentId;
        using (await _gate.EnterAsync(key, cancellationToken))
        {
            var etag = await store.TouchAsync(tenantId, incidentId, cancellationToken);
            if (etag is not null && _known.TryGetValue(key, out var kept))
            {
                _known[key] = kept with { ETag = etag };
            }
            else
            {
                _known.TryRemove(key, out _);
            }
        }
    }

    private void Keep(string key, IncidentSnapshot snapshot, bool continues)
    {
        if (_known.Count >= KnownSnapshots && !_known.ContainsKey(key))
        {
            _known.Clear();
        }

        var epoch = continues && _known.TryGetValue(key, out var was) ? was.Epoch : Interlocked.Increment(ref _epochs);
        _known[key] = new Kept(JsonSerializer.SerializeToUtf8Bytes(snapshot.Incident, EventSerializer.Options), snapshot.ETag, epoch);
    }

    private readonly record struct Kept(byte[] Json, string ETag, long Epoch);

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
            Keep(state.TenantId + "|" + incidentId, await store.CommitAsync(new IncidentCommit(state, null, records, [.. outbox, .. reactionOutbox]), cancellationToken), continues: false);
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
