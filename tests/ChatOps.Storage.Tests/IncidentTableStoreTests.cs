using Azure.Data.Tables;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class IncidentTableStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    private IncidentTableStore Store() => new(fixture.CreateTables(), _time);

    [Fact]
    public async Task CommitAsync_Declaration_WritesSnapshotAndEventsTogether()
    {
        var store = Store();
        var runner = new IncidentRunner(store, _time);

        await IncidentFactory.DeclareAsync(runner, "INC-2026-0001");
        var outcome = await runner.ChangeAsync("tenant-a", "INC-2026-0001", IncidentFactory.Alice,
            _ => Change.Record(new PendingEvent(new DecisionNoted("Isolate mail01 first"), "Active exploitation")));

        Assert.Equal(OutcomeStatus.Applied, outcome.Status);
        var snapshot = await store.GetAsync("tenant-a", "INC-2026-0001");
        var records = await store.GetDecisionsAsync("tenant-a", "INC-2026-0001");
        Assert.NotNull(snapshot);
        Assert.Equal(2, snapshot.Incident.Version);
        Assert.Equal(new[] { 1L, 2L }, records.Select(r => r.Sequence));
        Assert.Equal("Active exploitation", records[1].Reason);
        Assert.Equal("aad-alice", records[1].Actor.AadObjectId);
        Assert.Equal(records[1].Hash, snapshot.Incident.LastHash);
        Assert.True(HashChain.Verify(records).IsIntact);
    }

    [Fact]
    public async Task CommitAsync_StaleETag_ThrowsConflictAndWritesNothing()
    {
        var store = Store();
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0002");
        var stale = await store.GetAsync("tenant-a", "INC-2026-0002");
        await runner.ChangeAsync("tenant-a", "INC-2026-0002", IncidentFactory.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted("first"))));

        var record = Record(stale!.Incident, new DecisionNoted("second"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(new IncidentCommit(stale.Incident, stale.ETag, [record], [new OutboxMessage("n1", "status", "{}")])));

        var records = await store.GetDecisionsAsync("tenant-a", "INC-2026-0002");
        Assert.Equal(2, records.Count);
        Assert.DoesNotContain(records, r => r.Payload.Contains("second", StringComparison.Ordinal));
        var outbox = fixture.CreateTables().Incidents.QueryAsync<TableEntity>(e => e.RowKey == "out-n1");
        Assert.Empty(await outbox.ToListAsync());
    }

    [Fact]
    public async Task CommitAsync_AnswerLostAndTransactionRetriedBySdk_IsOursNotAConflict()
    {
        var store = Store();
        await IncidentFactory.DeclareAsync(new IncidentRunner(store, _time), "INC-2026-0009");
        var current = await store.GetAsync("tenant-a", "INC-2026-0009");
        var losing = new IncidentTableStore(fixture.CreateTables(configure: o => o.AddPolicy(new LoseFirstAnswerPolicy(), Azure.Core.HttpPipelinePosition.PerRetry)), _time);

        var committed = await losing.CommitAsync(new IncidentCommit(current!.Incident, current.ETag, [Record(current.Incident, new DecisionNoted("landed once"))], []));

        var records = await store.GetDecisionsAsync("tenant-a", "INC-2026-0009");
        Assert.Single(records, r => r.Payload.Contains("landed once", StringComparison.Ordinal));
        Assert.True(HashChain.Verify(records).IsIntact);
        Assert.Equal((await store.GetAsync("tenant-a", "INC-2026-0009"))!.ETag, committed.ETag);
    }

    [Fact]
    public async Task CommitAsync_OversizedPayload_IsRefusedWithAClearErrorAndWritesNothing()
    {
        var store = Store();
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0003");

        var outcome = runner.ChangeAsync("tenant-a", "INC-2026-0003", IncidentFactory.Alice,
            _ => Change.Record(new PendingEvent(new DecisionNoted(new string('x', 40_000)))));

        var error = await Assert.ThrowsAsync<EntityTooLargeException>(() => outcome);
        Assert.Contains("Table storage allows", error.Message, StringComparison.Ordinal);
        Assert.Single(await store.GetDecisionsAsync("tenant-a", "INC-2026-0003"));
        Assert.Equal(1, (await store.GetAsync("tenant-a", "INC-2026-0003"))!.Incident.Version);
    }

    [Fact]
    public async Task GetAsync_OtherTenant_SeesNothing()
    {
        var store = Store();
        await IncidentFactory.DeclareAsync(new IncidentRunner(store, _time), "INC-2026-0004");

        Assert.Null(await store.GetAsync("tenant-b", "INC-2026-0004"));
        Assert.Empty(await store.GetDecisionsAsync("tenant-b", "INC-2026-0004"));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_SecondIsAConflict()
    {
        var runner = new IncidentRunner(Store(), _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0005");

        var second = await IncidentFactory.DeclareAsync(runner, "INC-2026-0005");

        Assert.Equal(OutcomeStatus.Conflict, second.Status);
    }

    [Fact]
    public async Task AllocateIncidentIdAsync_ConcurrentDeclarations_GetDistinctSequentialNumbers()
    {
        var store = Store();

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.AllocateIncidentIdAsync("tenant-c", 2026)));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"INC-2026-{i:D4}"), ids.Order(StringComparer.Ordinal));
        Assert.Equal("INC-2026-0001", await store.AllocateIncidentIdAsync("tenant-d", 2026));
    }

    [Fact]
    public async Task GetAsync_SnapshotLargerThanOneTextProperty_RoundTripsAcrossChunks()
    {
        var store = Store();
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0006");
        var approvers = Enumerable.Range(0, 5)
            .Select(i => new PendingEvent(new RoleAssigned(IncidentRole.Approver, new Participant($"29:u{i}", new string((char)('a' + i), 10_000)))))
            .ToArray();
        await runner.ChangeAsync("tenant-a", "INC-2026-0006", IncidentFactory.Alice, _ => Change.Record(approvers));

        var snapshot = await store.GetAsync("tenant-a", "INC-2026-0006");

        Assert.Equal(5, snapshot!.Incident.Roles.Count);
        Assert.Equal(new string('e', 10_000), snapshot.Incident.Roles[4].Person.DisplayName);
    }

    private DecisionRecord Record(Incident state, IncidentEvent evt)
    {
        var payload = EventSerializer.Serialize(evt);
        var sequence = state.Version + 1;
        var hash = HashChain.Compute(state.LastHash, sequence, evt.Kind, IncidentFactory.Alice, _time.GetUtcNow(), payload, null);
        return new DecisionRecord(sequence, evt.Kind, IncidentFactory.Alice, _time.GetUtcNow(), payload, null, state.LastHash, hash);
    }
}
