using Azure.Data.Tables;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class TamperTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task Verify_EventRowEditedByHandInStorage_FailsAtThatRow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
        var tables = fixture.CreateTables();
        var store = new IncidentTableStore(tables, time);
        var runner = new IncidentRunner(store, time);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0200");
        for (var i = 0; i < 3; i++)
        {
            await runner.ChangeAsync("tenant-a", "INC-2026-0200", IncidentFactory.Alice,
                _ => Change.Record(new PendingEvent(new DecisionNoted($"step {i}"), "planned")));
        }

        // An operator with storage access rewrites the reason of record 3 in place.
        var partition = TableKeys.IncidentPartition("tenant-a", "INC-2026-0200");
        var row = (await tables.Incidents.GetEntityAsync<TableEntity>(partition, TableKeys.EventRow(3))).Value;
        row["Reason"] = "it was always the plan";
        await tables.Incidents.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var result = HashChain.Verify(await store.GetDecisionsAsync("tenant-a", "INC-2026-0200"));

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
    }
}
