using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class ConcurrencyTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task ChangeAsync_TwentyConcurrentWriters_LoseNoEventAndKeepTheChainIntact()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        var store = new IncidentTableStore(fixture.CreateTables(), time);
        await IncidentFactory.DeclareAsync(new IncidentRunner(store, time), "INC-2026-0100");

        // Each writer has its own runner (as separate bot instances would) and tries again when told of a conflict,
        // as a user would after "someone else changed this incident".
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var runner = new IncidentRunner(new IncidentTableStore(fixture.CreateTables(), time), time);
            while (true)
            {
                var outcome = await runner.ChangeAsync("tenant-a", "INC-2026-0100", IncidentFactory.Alice,
                    _ => Change.Record(new PendingEvent(new DecisionNoted($"writer {i}"))));
                if (outcome.Status == OutcomeStatus.Applied)
                {
                    return;
                }

                Assert.Equal(OutcomeStatus.Conflict, outcome.Status);
                Interlocked.Increment(ref conflicts);
            }
        }));

        var records = await store.GetDecisionsAsync("tenant-a", "INC-2026-0100");
        Assert.Equal(21, records.Count);
        Assert.True(HashChain.Verify(records).IsIntact);
        var writers = records.Skip(1).Select(r => ((DecisionNoted)EventSerializer.Deserialize(r.Kind, r.Payload)).What);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"writer {i}").Order(), writers.Order());
        var snapshot = await store.GetAsync("tenant-a", "INC-2026-0100");
        Assert.Equal(21, snapshot!.Incident.Version);
        Assert.Equal(records[^1].Hash, snapshot.Incident.LastHash);
    }
}
