using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;

namespace ChatOps.Storage;

/// <summary>
/// Outbox expansion and delivery rows. Outbox rows live in the incident partition (written with the decision);
/// deliveries live in the Deliveries table, one partition per notice and audience, so expansion batches are
/// transactions of up to 100 rows and a repeated expansion adds nothing twice.
/// </summary>
public sealed class DeliveryTableStore(ChatOpsTables tables) : IDeliveryStore
{
    public async Task<IReadOnlyList<PendingOutbox>> GetPendingOutboxAsync(int max, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        return await StorageErrors.Guard(async () =>
        {
            var rows = new List<PendingOutbox>();
            await foreach (var e in tables.Incidents.QueryAsync<TableEntity>("Type eq 'outbox' and Status eq 'pending'", maxPerPage: max, cancellationToken: cancellationToken))
            {
                var parts = e.PartitionKey.Split('|');
                rows.Add(new PendingOutbox(TableKeys.Unescape(parts[1]), TableKeys.Unescape(parts[2]), e.RowKey, e.GetString("Kind") ?? "", e.GetString("Payload") ?? "", e.ETag.ToString()));
                if (rows.Count >= max)
                {
                    break;
                }
            }

            return (IReadOnlyList<PendingOutbox>)rows;
        });
    }

    public async Task ExpandAsync(PendingOutbox outbox, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(recipients);
        await tables.EnsureCreatedAsync(cancellationToken);
        var notice = Notice.Read(outbox.Payload);
        var partition = TableKeys.DeliveryPartition(outbox.TenantId, outbox.IncidentId, TableKeys.Unescape(outbox.RowId[TableKeys.OutboxPrefix.Length..]));
        var entities = recipients.Select(r => DeliveryEntities.Create(partition, outbox, notice, r)).ToList();
        // Batches are independent transactions: written side by side, so a large audience is not sent late.
        await Parallel.ForEachAsync(entities.Chunk(EntityLimits.MaxTransactionEntities), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                await StorageErrors.Guard(() => tables.Deliveries.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct));
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // An earlier run (which crashed before marking the outbox row) added some of these: add the rest one by one.
                foreach (var entity in batch)
                {
                    try
                    {
                        await StorageErrors.Guard(() => tables.Deliveries.AddEntityAsync(entity, ct));
                    }
                    catch (RequestFailedException exists) when (exists.Status == 409)
                    {
                    }
                }
            }
        });

        var partitionKey = TableKeys.IncidentPartition(outbox.TenantId, outbox.IncidentId);
        var done = new TableEntity(partitionKey, outbox.RowId) { ["Status"] = "expanded", ["Recipients"] = recipients.Count };
        try
        {
            await StorageErrors.Guard(() => tables.Incidents.UpdateEntityAsync(done, new ETag(outbox.ETag), TableUpdateMode.Merge, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Another dispatcher expanded it at the same time; the rows are idempotent.
        }
    }

    public async Task<IReadOnlyList<Delivery>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"Status eq {"pending"} and NextAttemptAt le {now}");
        return await StorageErrors.Guard(async () =>
        {
            var due = new List<Delivery>();
            await foreach (var e in tables.Deliveries.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                var delivery = DeliveryEntities.Read(e);
                if (delivery.LeaseUntil is null || delivery.LeaseUntil <= now)
                {
                    due.Add(delivery);
                }

                if (due.Count >= max)
                {
                    break;
                }
            }

            return (IReadOnlyList<Delivery>)due;
        });
    }

    public async Task<Delivery?> TryClaimAsync(Delivery delivery, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var entity = DeliveryEntities.Key(delivery);
        entity["LeaseOwner"] = owner;
        entity["LeaseUntil"] = leaseUntil;
        try
        {
            var response = await StorageErrors.Guard(() => tables.Deliveries.UpdateEntityAsync(entity, new ETag(delivery.ETag), TableUpdateMode.Merge, cancellationToken));
            return delivery with { LeaseOwner = owner, LeaseUntil = leaseUntil, ETag = response.Headers.ETag?.ToString() ?? delivery.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public Task MarkSentAsync(Delivery delivery, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var entity = DeliveryEntities.Key(delivery);
        entity["Status"] = "sent";
        entity["SentAt"] = at;
        entity["LeaseOwner"] = "";
        return UpdateAsync(entity, delivery.ETag, cancellationToken);
    }

    public Task MarkFailedAsync(Delivery delivery, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var entity = DeliveryEntities.Key(delivery);
        entity["Status"] = nextAttempt is null ? "dead" : "pending";
        entity["Attempts"] = delivery.Attempts;
        entity["LastError"] = error;
        entity["LeaseOwner"] = "";
        entity["LeaseUntil"] = DateTimeOffset.UnixEpoch;
        if (nextAttempt is { } next)
        {
            entity["NextAttemptAt"] = next;
        }

        return UpdateAsync(entity, delivery.ETag, cancellationToken);
    }

    public async Task<IReadOnlyList<Delivery>> ListAsync(string tenantId, string incidentId, string noticeId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var prefix = TableKeys.DeliveryPartition(tenantId, incidentId, noticeId + "-");
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + "."}");
        return await StorageErrors.Guard(async () =>
        {
            var list = new List<Delivery>();
            await foreach (var e in tables.Deliveries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                list.Add(DeliveryEntities.Read(e));
            }

            return (IReadOnlyList<Delivery>)list;
        });
    }

    private async Task UpdateAsync(TableEntity entity, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await StorageErrors.Guard(() => tables.Deliveries.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Merge, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Our lease ended and another dispatcher took the row over; it will finish it (at-least-once).
        }
    }
}
