using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using ChatOps.Testing;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>Issue 18, Deliver 1: the runner decides on the snapshot it last read or wrote, and storage's ETag keeps that honest.</summary>
public sealed class KeptSnapshotTests
{
    private const string Id = "INC-2026-0001";
    private readonly CountingStore _store = new(new InMemoryIncidentStore());

    [Fact]
    public async Task ChangeAsync_SecondChangeOfAnIncident_CommitsWithoutReadingIt()
    {
        var runner = new IncidentRunner(_store, TimeProvider.System);
        await DeclareAsync(runner);
        await Decide(runner, "first");
        var reads = _store.Reads;

        var outcome = await Decide(runner, "second");

        Assert.Equal(OutcomeStatus.Applied, outcome.Status);
        Assert.Equal(reads, _store.Reads);
    }

    [Fact]
    public async Task ChangeAsync_NextChange_LeavesTheEarlierOutcomesIncidentAsItWas()
    {
        var runner = new IncidentRunner(_store, TimeProvider.System);
        await DeclareAsync(runner);
        var first = await Decide(runner, "first");
        var version = first.Incident!.Version;

        await Decide(runner, "second");

        Assert.Equal(version, first.Incident.Version);
    }

    [Fact]
    public async Task ChangeAsync_AnotherInstanceChangedTheIncident_DecidesAgainOnWhatIsStored()
    {
        var mine = new IncidentRunner(_store, TimeProvider.System);
        var other = new IncidentRunner(_store, TimeProvider.System);
        await DeclareAsync(mine);
        await Decide(mine, "kept by mine");
        await Decide(other, "written by the other instance");

        var outcome = await Decide(mine, "after the other");

        Assert.Equal(OutcomeStatus.Applied, outcome.Status);
        var decisions = await _store.GetDecisionsAsync(TestActors.Tenant, Id);
        Assert.Equal(["kept by mine", "written by the other instance", "after the other"],
            decisions.Where(d => d.Kind == DecisionNoted.EventKind).Select(d => ((DecisionNoted)EventSerializer.Deserialize(d.Kind, d.Payload)).What));
        Assert.True(HashChain.Verify(decisions).IsIntact);
    }

    [Fact]
    public async Task ChangeAsync_RefusalOnAStaleKeptSnapshot_CheckedOnAFreshRead()
    {
        var mine = new IncidentRunner(_store, TimeProvider.System);
        var other = new IncidentRunner(_store, TimeProvider.System);
        await DeclareAsync(mine);
        await Decide(mine, "kept by mine");
        await Decide(other, "the other instance's decision");

        // Refused only while the other instance's decision is unknown: a stale snapshot would refuse.
        var outcome = await mine.ChangeAsync(TestActors.Tenant, Id, TestActors.Alice, incident =>
            incident.Version < 3 ? Change.Refuse("not yet") : Change.Record(new PendingEvent(new DecisionNoted("seen it"))));

        Assert.Equal(OutcomeStatus.Applied, outcome.Status);
    }

    [Fact]
    public async Task ChangeAsync_NothingToDoOnAStaleKeptSnapshot_DecidedAgainOnAFreshRead()
    {
        var mine = new IncidentRunner(_store, TimeProvider.System);
        var other = new IncidentRunner(_store, TimeProvider.System);
        await DeclareAsync(mine);
        await Decide(mine, "kept by mine");
        await Decide(other, "the other instance's decision");

        // "Nothing to do" only while the other instance's decision is unknown (an alert resolved on another instance).
        var outcome = await mine.ChangeAsync(TestActors.Tenant, Id, TestActors.Alice, incident =>
            incident.Version < 3 ? new Change([], []) : Change.Record(new PendingEvent(new DecisionNoted("seen it"))));

        Assert.Single(outcome.Recorded);
    }

    [Fact]
    public async Task ChangeAsync_AuthorityPreCheckAllowedOnAKeptSnapshot_DoesNotRead()
    {
        var runner = new IncidentRunner(_store, TimeProvider.System);
        await DeclareAsync(runner);
        await Decide(runner, "first");
        var reads = _store.Reads;

        var outcome = await runner.ChangeAsync(TestActors.Tenant, Id, TestActors.Alice, _ => new Change([], []), deliveryKey: null, nothingMayRestOnKept: true);

        Assert.Equal(OutcomeStatus.Applied, outcome.Status);
        Assert.Equal(reads, _store.Reads);
    }

    private Task<IncidentOutcome> Decide(IncidentRunner runner, string what) =>
        runner.ChangeAsync(TestActors.Tenant, Id, TestActors.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted(what))));

    private static Task<IncidentOutcome> DeclareAsync(IncidentRunner runner) =>
        runner.CreateAsync(Id, TestActors.Alice,
            new IncidentDeclared("Exchange breach", Severity.Sev1, TestActors.Channel, ["mail01"], ["CVE-2021-26855"]), [], []);

    private sealed class CountingStore(IIncidentStore inner) : IIncidentStore
    {
        private int _reads;

        public int Reads => _reads;

        public Task<IncidentSnapshot?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetAsync(tenantId, incidentId, cancellationToken);
        }

        public Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
            inner.GetDecisionsAsync(tenantId, incidentId, cancellationToken);

        public Task<IncidentSnapshot> CommitAsync(IncidentCommit commit, CancellationToken cancellationToken = default) => inner.CommitAsync(commit, cancellationToken);

        public Task<string?> TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
            inner.TouchAsync(tenantId, incidentId, cancellationToken);

        public Task<string> AllocateIncidentIdAsync(string tenantId, int year, CancellationToken cancellationToken = default) =>
            inner.AllocateIncidentIdAsync(tenantId, year, cancellationToken);
    }
}
