using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Idempotency;

namespace ChatOps.Storage;

/// <summary>Claims delivery ids with an insert: the first insert wins, a repeat gets 409 and is reported as seen.</summary>
public sealed class IdempotencyTableStore(ChatOpsTables tables, TimeProvider time) : IIdempotencyStore
{
    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.IdempotencyPartition(scope, key), TableKeys.Row(key)) { ["ClaimedAt"] = time.GetUtcNow() };
        try
        {
            await StorageErrors.Guard(() => tables.Index.AddEntityAsync(entity, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
