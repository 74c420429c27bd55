using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using ChatOps.Testing;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>Issue 18: inside one process, changes of one incident take turns instead of racing into ETag conflicts.</summary>
public sealed class IncidentWriteGateTests
{
    private const int Writers = 12;

    [Fact]
    public async Task ChangeAsync_ManyConcurrentChangesOfOneIncident_AllAppliedNoConflict()
    {
        var store = new ContendedStore(new InMemoryIncidentStore());
        var gate = new IncidentWriteGate();
        var runner = new IncidentRunner(store, TimeProvider.System, gate: gate);
        await DeclareAsync(runner, "INC-2026-0001");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(n => Task.Run(() =>
            runner.ChangeAsync(TestActors.Tenant, "INC-2026-0001", TestActors.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted($"d{n}")))))));

        Assert.All(outcomes, o => Assert.Equal(OutcomeStatus.Applied, o.Status));
        Assert.Equal(0, store.Conflicts);
        Assert.Equal(Writers + 1, (await store.GetDecisionsAsync(TestActors.Tenant, "INC-2026-0001")).Count);
        Assert.Equal(0, gate.ActiveKeys);
    }

    [Fact]
    public async Task ChangeAsync_TwoRunnersOnOneStore_ConflictsStillDetectedAcrossThem()
    {
        // Two instances do not share a gate: the ETag still decides, and each loser decides again on fresh state.
        var store = new ContendedStore(new InMemoryIncidentStore(), meetAtCommit: 2);
        var first = new IncidentRunner(store, TimeProvider.System);
        var second = new IncidentRunner(store, TimeProvider.System);
        await DeclareAsync(first, "INC-2026-0002");

        var outcomes = await Task.WhenAll(
            Task.Run(() => first.ChangeAsync(TestActors.Tenant, "INC-2026-0002", TestActors.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted("a"))))),
            Task.Run(() => second.ChangeAsync(TestActors.Tenant, "INC-2026-0002", TestActors.Bob, _ => Change.Record(new PendingEvent(new DecisionNoted("b"))))));

        Assert.All(outcomes, o => Assert.Equal(OutcomeStatus.Applied, o.Status));
        Assert.Equal(1, store.Conflicts);
        Assert.True(HashChain.Verify(await store.GetDecisionsAsync(TestActors.Tenant, "INC-2026-0002")).IsIntact);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesNoEntryBehind()
    {
        var gate = new IncidentWriteGate();
        var held = await gate.EnterAsync("t|INC-1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync("t|INC-1", cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, gate.ActiveKeys);
    }

    private static Task<IncidentOutcome> DeclareAsync(IncidentRunner runner, string id) =>
        runner.CreateAsync(id, TestActors.Alice,
            new IncidentDeclared("Exchange breach", Severity.Sev1, TestActors.Channel, ["mail01"], ["CVE-2021-26855"]), [], []);

    /// <summary>
    /// Counts conflicts. Reads complete later (as storage's do), so writers that do not take turns interleave. With
    /// <paramref name="meetAtCommit"/>, the first that many commits after the create are held until all of them have
    /// arrived: those writers have all decided on the same version, and all but one must conflict.
    /// </summary>
    private sealed class ContendedStore(IIncidentStore inner, int meetAtCommit = 0) : IIncidentStore
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;
        private int _conflicts;

        public int Conflicts => _conflicts;

        public async Task<IncidentSnapshot?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
        {
            var snapshot = await inner.GetAsync(tenantId, incidentId, cancellationToken);
            await Task.Yield();
            return snapshot;
        }

        public Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
            inner.GetDecisionsAsync(tenantId, incidentId, cancellationToken);

        public async Task<IncidentSnapshot> CommitAsync(IncidentCommit commit, CancellationToken cancellationToken = default)
        {
            if (commit.ExpectedETag is not null && Interlocked.Increment(ref _arrived) is var arrived && arrived <= meetAtCommit)
            {
                if (arrived == meetAtCommit)
                {
                    _allArrived.SetResult();
                }

                // A guard against a hang only: the test's meaning is that all of them arrive.
                await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            try
            {
                return await inner.CommitAsync(commit, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task<string?> TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
            inner.TouchAsync(tenantId, incidentId, cancellationToken);

        public Task<string> AllocateIncidentIdAsync(string tenantId, int year, CancellationToken cancellationToken = default) =>
            inner.AllocateIncidentIdAsync(tenantId, year, cancellationToken);
    }
}
