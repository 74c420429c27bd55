using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

/// <summary>
/// What <c>verify</c> sees after someone with write access to storage, but without <c>Audit:Key</c>, changed an
/// incident in Azurite: the chain, the keyed checkpoint in the Index table, and the snapshot against the replay.
/// </summary>
[Trait("Category", "Azurite")]
public class AuditTamperTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private const string Tenant = "tenant-a";
    private const string Key = "storage-tests-audit-checkpoint-key-0123456789";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
    private readonly ChatOpsTables _tables = fixture.CreateTables();
    private readonly string _id = "INC-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Verify_Untouched_IsIntactAndCheckpointed()
    {
        await RecordApprovalRequestAsync();

        var report = await VerifyAsync();

        Assert.True(report.IsIntact, string.Join(" ", report.Problems));
        Assert.Null(report.Caveat);
    }

    [Fact]
    public async Task Verify_SnapshotAloneEditedToApproved_NamesTheFieldAndTheRecord()
    {
        await RecordApprovalRequestAsync();
        await EditSnapshotAsync(state => state["approvals"]![0]!["status"] = "approved");

        var report = await VerifyAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Contains("at approvals[0].status: stored \"approved\", the records give \"pending\" (last set by record 4)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ConsistentRewriteWithoutTheKey_IsCaughtByTheCheckpoint()
    {
        await RecordApprovalRequestAsync();
        var records = (await Store().GetDecisionsAsync(Tenant, _id)).ToList();
        records[1] = records[1] with { Reason = "it was always the plan" };
        await ReplaceLogAsync(Rehash(records));

        var report = await VerifyAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Contains($"record {records.Count} does not match the keyed checkpoint", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedTailWithStateRolledBack_IsCaughtByTheCheckpoint()
    {
        await RecordApprovalRequestAsync();
        var records = await Store().GetDecisionsAsync(Tenant, _id);
        await ReplaceLogAsync(records.Take(records.Count - 1).ToList());

        var report = await VerifyAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Contains($"records {records.Count}..{records.Count} are missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReorderedRecords_NamesTheFirstOutOfPlace()
    {
        await RecordApprovalRequestAsync();
        var partition = TableKeys.IncidentPartition(Tenant, _id);
        var second = (await _tables.Incidents.GetEntityAsync<TableEntity>(partition, TableKeys.EventRow(2))).Value;
        var third = (await _tables.Incidents.GetEntityAsync<TableEntity>(partition, TableKeys.EventRow(3))).Value;
        (second.RowKey, third.RowKey) = (third.RowKey, second.RowKey);
        await _tables.Incidents.UpsertEntityAsync(second, TableUpdateMode.Replace);
        await _tables.Incidents.UpsertEntityAsync(third, TableUpdateMode.Replace);

        var report = await VerifyAsync();

        Assert.Contains(report.Problems, p => p.StartsWith("first record that does not match: 2. Record 2 is missing or out of order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_CheckpointRemoved_IsNotIntact()
    {
        await RecordApprovalRequestAsync();
        await foreach (var row in _tables.Index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.CheckpointPartition(Tenant, _id)}")))
        {
            await _tables.Index.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var report = await VerifyAsync();

        Assert.Contains(report.Problems, p => p.Contains("no keyed checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_CheckpointSignedWithAnotherKey_IsNotIntact()
    {
        await RecordApprovalRequestAsync();

        var report = await VerifyAsync(key: "another-audit-checkpoint-key-0123456789abcdef");

        Assert.Contains(report.Problems, p => p.Contains("signed with another key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checkpoint_AtClose_RecordsTheClosingHeadOutsideThePartition()
    {
        var runner = await RecordApprovalRequestAsync();

        await runner.ChangeAsync(Tenant, _id, IncidentFactory.Alice, _ => Change.Record(new PendingEvent(new IncidentClosed(Forced: true), "test")));

        var checkpoint = await new AuditCheckpointTableStore(_tables).GetLatestAsync(Tenant, _id);
        var snapshot = (await Store().GetAsync(Tenant, _id))!.Incident;
        Assert.Equal((snapshot.Version, snapshot.LastHash, true), (checkpoint!.Sequence, checkpoint.Hash, checkpoint.Closed));
    }

    private IncidentTableStore Store() => new(_tables, _time);

    private static AuditCheckpointSigner Signer(string key = Key) => new(Options.Create(new AuditOptions { Key = key }));

    /// <summary>Declaration, a decision, a tested patch with an artifact and a deployment request: records 1-5.</summary>
    private async Task<IncidentRunner> RecordApprovalRequestAsync()
    {
        var checkpoints = new AuditCheckpoints(Signer(), new AuditCheckpointTableStore(_tables));
        var runner = new IncidentRunner(Store(), _time, checkpoints: checkpoints);
        await IncidentFactory.DeclareAsync(runner, _id);
        var window = new MaintenanceWindow(_time.GetUtcNow(), TimeSpan.FromHours(2));
        const string Digest = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var binding = new ApprovalBinding("KB1", "Exchange CU", ["mail01"], window, "pass", "https://ci.example.com/1", null, "uninstall", Digest);
        foreach (var evt in (IncidentEvent[])[
            new DecisionNoted("Isolate mail01 first"),
            new PatchAdded("KB1", "Exchange CU", ["mail01"], "uninstall", Digest),
            new ApprovalRequested("A1", binding, 1, null, []),
            new PatchTested("KB1", "pass", "staging", "https://ci.example.com/1", null)])
        {
            var outcome = await runner.ChangeAsync(Tenant, _id, IncidentFactory.Alice, _ => Change.Record(new PendingEvent(evt, "planned")));
            Assert.Equal(OutcomeStatus.Applied, outcome.Status);
        }

        // Checkpoints are coalesced: the host's worker (or verify) writes the pending head.
        Assert.Equal(1, await checkpoints.FlushAsync());
        return runner;
    }

    private async Task<AuditReport> VerifyAsync(string key = Key)
    {
        var store = Store();
        var incident = (await store.GetAsync(Tenant, _id))!.Incident;
        var records = await store.GetDecisionsAsync(Tenant, _id);
        var checkpoint = await new AuditCheckpointTableStore(_tables).GetLatestAsync(Tenant, _id);
        return IncidentAudit.Verify(incident, records, checkpoint, Signer(key));
    }

    private async Task EditSnapshotAsync(Action<JsonNode> edit)
    {
        var partition = TableKeys.IncidentPartition(Tenant, _id);
        var row = (await _tables.Incidents.GetEntityAsync<TableEntity>(partition, TableKeys.Snapshot)).Value;
        var state = JsonNode.Parse(row.GetString("State0"))!;
        edit(state);
        row["State0"] = state.ToJsonString();
        await _tables.Incidents.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    /// <summary>What a careful forger without the key does: records 1..N replaced, and the snapshot replayed from them.</summary>
    private async Task ReplaceLogAsync(IReadOnlyList<DecisionRecord> records)
    {
        var partition = TableKeys.IncidentPartition(Tenant, _id);
        var stored = await Store().GetDecisionsAsync(Tenant, _id);
        foreach (var extra in stored.Skip(records.Count))
        {
            await _tables.Incidents.DeleteEntityAsync(partition, TableKeys.EventRow(extra.Sequence));
        }

        foreach (var record in records)
        {
            await _tables.Incidents.UpsertEntityAsync(IncidentEntities.Event(partition, record), TableUpdateMode.Replace);
        }

        await _tables.Incidents.UpsertEntityAsync(IncidentEntities.Snapshot(partition, IncidentProjector.Replay(_id, records)), TableUpdateMode.Replace);
    }

    private static List<DecisionRecord> Rehash(IReadOnlyList<DecisionRecord> records)
    {
        var previous = HashChain.GenesisHash;
        var rehashed = new List<DecisionRecord>();
        foreach (var record in records)
        {
            var relinked = record with { PreviousHash = previous };
            rehashed.Add(relinked with { Hash = HashChain.Compute(relinked) });
            previous = rehashed[^1].Hash;
        }

        return rehashed;
    }
}
