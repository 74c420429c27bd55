using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

/// <summary>A change that carries its delivery key is applied once per incident, whichever instance runs it again.</summary>
[Trait("Category", "Azurite")]
public class DeliveryKeyCommitTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ChangeAsync_SameDeliveryTwice_SecondIsDuplicateAndRecordsNothing()
    {
        var store = new IncidentTableStore(fixture.CreateTables(), _time);
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0101");

        var first = await runner.ChangeAsync("tenant-a", "INC-2026-0101", IncidentFactory.Alice,
            _ => Change.Record(new PendingEvent(new DecisionNoted("Isolate mail01"))), "slack-command:T1:abc#1");
        // A second instance (its own store and runner) runs the same delivery again on the state after the first.
        var other = new IncidentRunner(new IncidentTableStore(fixture.CreateTables(), _time), _time);
        var again = await other.ChangeAsync("tenant-a", "INC-2026-0101", IncidentFactory.Alice,
            _ => Change.Record(new PendingEvent(new DecisionNoted("Isolate mail01"))), "slack-command:T1:abc#1");
        var next = await runner.ChangeAsync("tenant-a", "INC-2026-0101", IncidentFactory.Alice,
            _ => Change.Record(new PendingEvent(new DecisionNoted("Isolate mail01"))), "slack-command:T1:abc#2");

        Assert.Equal(OutcomeStatus.Applied, first.Status);
        Assert.Equal(OutcomeStatus.Duplicate, again.Status);
        Assert.Empty(again.Recorded);
        Assert.Equal(OutcomeStatus.Applied, next.Status);
        var records = await store.GetDecisionsAsync("tenant-a", "INC-2026-0101");
        Assert.Equal(2, records.Count(r => r.Kind == DecisionNoted.EventKind));
    }

    [Fact]
    public async Task CommitAsync_StaleETagWithNewDelivery_IsAConflictNotADuplicate()
    {
        var store = new IncidentTableStore(fixture.CreateTables(), _time);
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0102");
        var stale = await store.GetAsync("tenant-a", "INC-2026-0102");
        await runner.ChangeAsync("tenant-a", "INC-2026-0102", IncidentFactory.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted("first"))));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(new IncidentCommit(stale!.Incident, stale.ETag, [], [], "slack-event:Ev1#1")));
    }
}
