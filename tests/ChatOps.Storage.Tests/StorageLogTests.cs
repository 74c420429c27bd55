using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

/// <summary>Storage says in the log what it decided: a table created, an ETag race lost, a delivery already applied.</summary>
[Trait("Category", "Azurite")]
public class StorageLogTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EnsureCreatedAsync_NewPrefix_LogsEachTableOnceAcrossInstances()
    {
        var prefix = "log" + Guid.NewGuid().ToString("N")[..12];
        var first = new FakeLogger<ChatOpsTables>();
        var second = new FakeLogger<ChatOpsTables>();

        await fixture.CreateTables(prefix, logger: first).EnsureCreatedAsync(CancellationToken.None);
        await fixture.CreateTables(prefix, logger: second).EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal(
            [$"Created table {prefix}Incidents", $"Created table {prefix}Index", $"Created table {prefix}Deliveries"],
            first.Collector.GetSnapshot().Select(r => r.Message));
        Assert.Empty(second.Collector.GetSnapshot());
    }

    [Fact]
    public async Task CommitAsync_StaleETag_LogsTheConflict()
    {
        var logger = new FakeLogger<IncidentTableStore>();
        var store = new IncidentTableStore(fixture.CreateTables(), _time, logger);
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0201");
        var stale = await store.GetAsync("tenant-a", "INC-2026-0201");
        await runner.ChangeAsync("tenant-a", "INC-2026-0201", IncidentFactory.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted("first"))));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(new IncidentCommit(stale!.Incident, stale.ETag, [], [])));

        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal("IncidentETagConflict", line.Id.Name);
        Assert.Contains("INC-2026-0201", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_DeliveryAppliedBefore_LogsTheDuplicate()
    {
        var logger = new FakeLogger<IncidentTableStore>();
        var store = new IncidentTableStore(fixture.CreateTables(), _time, logger);
        var runner = new IncidentRunner(store, _time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0202");
        var before = await store.GetAsync("tenant-a", "INC-2026-0202");
        await runner.ChangeAsync("tenant-a", "INC-2026-0202", IncidentFactory.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted("first"))), "slack-command:T1:log#1");

        await Assert.ThrowsAsync<DuplicateDeliveryException>(() =>
            store.CommitAsync(new IncidentCommit(before!.Incident, before.ETag, [], [], "slack-command:T1:log#1")));

        var line = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "DuplicateDelivery");
        Assert.Contains("slack-command:T1:log#1", line.Message, StringComparison.Ordinal);
    }
}
