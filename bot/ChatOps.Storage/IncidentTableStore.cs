using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Storage;

/// <summary><see cref="IIncidentStore"/> on Azure Table storage: one partition per incident, one transaction per change.</summary>
public sealed class IncidentTableStore(ChatOpsTables tables, TimeProvider time, ILogger<IncidentTableStore>? logger = null) : IIncidentStore
{
    private readonly ILogger _logger = logger ?? NullLogger<IncidentTableStore>.Instance;

    private const string CommitIdProperty = "CommitId";

    private const string TouchedAtProperty = "TouchedAt";

    public async Task<IncidentSnapshot?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.IncidentPartition(tenantId, incidentId);
        var response = await StorageErrors.Guard(() =>
            tables.Incidents.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Snapshot, cancellationToken: cancellationToken));
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var incident = IncidentEntities.ReadSnapshot(response.Value);
        // Tenancy is part of the key already; this guards against a mis-keyed row ever leaking across tenants.
        return string.Equals(incident.TenantId, tenantId, StringComparison.Ordinal)
            ? new IncidentSnapshot(incident, response.Value.ETag.ToString())
            : null;
    }

    public async Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.IncidentPartition(tenantId, incidentId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {TableKeys.EventPrefix} and RowKey lt {"evt."}");
        return await StorageErrors.Guard(async () =>
        {
            var records = new List<DecisionRecord>();
            await foreach (var entity in tables.Incidents.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                records.Add(IncidentEntities.ReadEvent(entity));
            }

            return (IReadOnlyList<DecisionRecord>)records;
        });
    }

    public async Task<IncidentSnapshot> CommitAsync(IncidentCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await tables.EnsureCreatedAsync(cancellationToken);
        var state = commit.State;
        var partition = TableKeys.IncidentPartition(state.TenantId, state.Id);
        var now = time.GetUtcNow();

        var snapshot = IncidentEntities.Snapshot(partition, state);
        if (snapshot.GetInt32(IncidentEntities.StateChunks) is > 1 and var chunks)
        {
            Log.SnapshotSplit(_logger, state.Id, chunks);
        }

        var actions = new List<TableTransactionAction>
        {
            commit.ExpectedETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, snapshot)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, snapshot, new ETag(commit.ExpectedETag)),
        };
        // Each transaction marks its rows with its own id, so a retry of one that had landed can tell (see LandedAsync).
        var commitId = Guid.NewGuid().ToString("N");
        actions.AddRange(commit.Records.Select(r => new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity(IncidentEntities.Event(partition, r)) { [CommitIdProperty] = commitId })));
        actions.AddRange(commit.Outbox.Select(m => new TableTransactionAction(TableTransactionActionType.Add, IncidentEntities.Outbox(partition, m, now))));
        if (commit.DeliveryKey is { } delivery)
        {
            // Inserted with the change it belongs to: a second insert of the same delivery fails the whole transaction.
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(partition, TableKeys.AppliedDeliveryRow(delivery)) { ["AppliedAt"] = now, [CommitIdProperty] = commitId }));
        }

        CheckLimits(actions);

        try
        {
            var response = await StorageErrors.Guard(() => tables.Incidents.SubmitTransactionAsync(actions, cancellationToken));
            var etag = response.Value[0].Headers.ETag?.ToString()
                ?? throw new InvalidDataException("Storage did not return the snapshot's new ETag.");
            return new IncidentSnapshot(state, etag);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex))
        {
            // A transaction whose answer timed out may have landed before the SDK retried it; then the "conflict" is
            // with ourselves, recognisable by the commit id on our last record.
            if (await LandedAsync(partition, commit, commitId, cancellationToken) is { } landed)
            {
                Log.IncidentCommitLanded(_logger, state.Id);
                return landed;
            }

            if (await AppliedBeforeAsync(partition, commit, cancellationToken))
            {
                Log.DuplicateDelivery(_logger, commit.DeliveryKey!, state.Id);
                throw new DuplicateDeliveryException("Delivery " + commit.DeliveryKey + " was already applied to " + state.Id + ".", ex);
            }

            Log.IncidentETagConflict(_logger, state.Id);
            throw new ConcurrencyConflictException("The incident changed since it was read.", ex);
        }
    }

    /// <summary>The incident as stored now (state and ETag read together) when our commit is in it; null otherwise.</summary>
    private async Task<IncidentSnapshot?> LandedAsync(string partition, IncidentCommit commit, string commitId, CancellationToken cancellationToken)
    {
        if (commit.Records.Count == 0)
        {
            return null;
        }

        var last = commit.Records[^1];
        var stored = await StorageErrors.Guard(() => tables.Incidents.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.EventRow(last.Sequence), cancellationToken: cancellationToken));
        if (!stored.HasValue || stored.Value?.GetString(CommitIdProperty) != commitId)
        {
            return null;
        }

        return await GetAsync(commit.State.TenantId, commit.State.Id, cancellationToken);
    }

    /// <summary>True when the commit's delivery key is already in the partition (a change applied before, by any instance).</summary>
    private async Task<bool> AppliedBeforeAsync(string partition, IncidentCommit commit, CancellationToken cancellationToken)
    {
        if (commit.DeliveryKey is not { } delivery)
        {
            return false;
        }

        var stored = await StorageErrors.Guard(() => tables.Incidents.GetEntityIfExistsAsync<TableEntity>(
            partition, TableKeys.AppliedDeliveryRow(delivery), select: ["AppliedAt"], cancellationToken: cancellationToken));
        return stored.HasValue;
    }

    public async Task<string?> TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.IncidentPartition(tenantId, incidentId);
        // A merge of one property the snapshot reader ignores (a commit's replace drops it again); the ETag is what changes.
        var touch = new TableEntity(partition, TableKeys.Snapshot) { [TouchedAtProperty] = time.GetUtcNow() };
        try
        {
            var response = await StorageErrors.Guard(() => tables.Incidents.UpdateEntityAsync(touch, ETag.All, TableUpdateMode.Merge, cancellationToken));
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> AllocateIncidentIdAsync(string tenantId, int year, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var number = await new CounterAllocator(tables.Index).NextAsync(TableKeys.TenantPartition(tenantId), TableKeys.CounterRow(year), cancellationToken);
        return FormattableString.Invariant($"INC-{year}-{number:D4}");
    }

    private static void CheckLimits(List<TableTransactionAction> actions)
    {
        if (actions.Count > EntityLimits.MaxTransactionEntities)
        {
            throw new EntityTooLargeException(
                $"One change would write {actions.Count} rows; Table storage allows {EntityLimits.MaxTransactionEntities} per transaction.");
        }

        var total = 0;
        foreach (var action in actions)
        {
            var entity = (TableEntity)action.Entity;
            total += EntityLimits.Check(entity, entity.RowKey == TableKeys.Snapshot ? "The incident" : $"Record {entity.RowKey}");
        }

        if (total > EntityLimits.MaxTransactionBytes)
        {
            throw new EntityTooLargeException($"One change would write {total:N0} bytes; Table storage allows {EntityLimits.MaxTransactionBytes:N0}.");
        }
    }
}
