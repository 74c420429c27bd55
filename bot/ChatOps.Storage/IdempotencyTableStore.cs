using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Idempotency;

namespace ChatOps.Storage;

/// <summary>
/// Claims delivery ids with an insert: the first insert wins, a repeat gets 409 and is reported as seen. Each claim
/// carries its own id, so when the SDK retries an insert that had landed (its answer timed out) the 409 is recognised
/// as our own claim, not somebody else's.
/// </summary>
public sealed class IdempotencyTableStore(ChatOpsTables tables, TimeProvider time) : IIdempotencyStore
{
    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var claimId = Guid.NewGuid().ToString("N");
        var entity = new TableEntity(TableKeys.IdempotencyPartition(scope, key), TableKeys.Row(key)) { ["ClaimedAt"] = time.GetUtcNow(), ["ClaimId"] = claimId };
        try
        {
            await StorageErrors.Guard(() => tables.Index.AddEntityAsync(entity, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken));
            return existing.HasValue && existing.Value?.GetString("ClaimId") == claimId;
        }
    }
}
