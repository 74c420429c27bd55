using System.Globalization;
using Azure.Data.Tables;
using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>
/// <see cref="IAuditCheckpointStore"/> in the <c>Index</c> table: one partition per incident (<c>audit|tenant|incident</c>),
/// one row per checkpointed sequence. Row keys count down from the largest sequence, so the newest checkpoint is the
/// partition's first row (one small query) and concurrent writers never overwrite each other's newer checkpoint.
/// </summary>
public sealed class AuditCheckpointTableStore(ChatOpsTables tables) : IAuditCheckpointStore
{
    private const long Top = 9_999_999_999;

    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.CheckpointPartition(checkpoint.TenantId, checkpoint.IncidentId), Row(checkpoint.Sequence))
        {
            ["Type"] = "checkpoint",
            ["TenantId"] = checkpoint.TenantId,
            ["IncidentId"] = checkpoint.IncidentId,
            ["Sequence"] = checkpoint.Sequence,
            ["Hash"] = checkpoint.Hash,
            ["Closed"] = checkpoint.Closed,
            ["Mac"] = checkpoint.Mac,
        };
        await StorageErrors.Guard(() => tables.Index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    public async Task<AuditCheckpoint?> GetLatestAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.CheckpointPartition(tenantId, incidentId);
        return await StorageErrors.Guard(async () =>
        {
            await foreach (var e in tables.Index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1, cancellationToken: cancellationToken))
            {
                return new AuditCheckpoint(
                    e.GetString("TenantId") ?? "", e.GetString("IncidentId") ?? "", e.GetInt64("Sequence") ?? 0,
                    e.GetString("Hash") ?? "", e.GetBoolean("Closed") ?? false, e.GetString("Mac") ?? "");
            }

            return (AuditCheckpoint?)null;
        });
    }

    private static string Row(long sequence) => (Top - sequence).ToString("D10", CultureInfo.InvariantCulture);
}
