using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Idempotency;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage;

/// <summary>
/// Claims delivery ids with an insert: the first insert wins, a repeat gets 409 and is reported as seen. Each claim
/// carries its own id, so when the SDK retries an insert that had landed (its answer timed out) the 409 is recognised
/// as our own claim, not somebody else's. A claim older than <see cref="TableStorageOptions.IdempotencyClaimLifetime"/>
/// has expired: it is checked when read and taken over with an ETag-conditioned replace (of two instances taking over
/// the same expired claim, one wins), so claims do not hold forever.
/// </summary>
public sealed class IdempotencyTableStore(ChatOpsTables tables, TimeProvider time, IOptions<TableStorageOptions>? options = null) : IIdempotencyStore
{
    private readonly TimeSpan _lifetime = options?.Value.IdempotencyClaimLifetime ?? new TableStorageOptions().IdempotencyClaimLifetime;

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        TryClaimAsync(scope, key, Guid.NewGuid().ToString("N"), cancellationToken);

    public async Task<bool> TryClaimAsync(string scope, string key, string claimId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var entity = new TableEntity(TableKeys.IdempotencyPartition(scope, key), TableKeys.Row(key)) { ["ClaimedAt"] = now, ["ClaimId"] = claimId };
        try
        {
            await StorageErrors.Guard(() => tables.Index.AddEntityAsync(entity, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken));
            if (!existing.HasValue || existing.Value is not { } claim)
            {
                return false;
            }

            if (claim.GetString("ClaimId") == claimId)
            {
                return true;
            }

            return claim.GetDateTimeOffset("ClaimedAt") is { } claimedAt && now - claimedAt > _lifetime
                && await TakeOverAsync(entity, claim.ETag, cancellationToken);
        }
    }

    private async Task<bool> TakeOverAsync(TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await StorageErrors.Guard(() => tables.Index.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }
}
