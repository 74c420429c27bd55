using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>A per-tenant counter row incremented with optimistic concurrency (ETag-conditioned replace).</summary>
internal sealed class CounterAllocator(TableClient table)
{
    // Contention is bounded by how many people declare at the same instant in one tenant.
    private const int MaxAttempts = 50;

    public async Task<long> NextAsync(string partition, string row, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await StorageErrors.Guard(() => table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken));
            try
            {
                if (!current.HasValue || current.Value is null)
                {
                    await StorageErrors.Guard(() => table.AddEntityAsync(new TableEntity(partition, row) { ["Value"] = 1L }, cancellationToken));
                    return 1;
                }

                var next = (current.Value.GetInt64("Value") ?? 0) + 1;
                current.Value["Value"] = next;
                await StorageErrors.Guard(() => table.UpdateEntityAsync(current.Value, current.Value.ETag, TableUpdateMode.Replace, cancellationToken));
                return next;
            }
            catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex))
            {
                // Another declaration took this number; read again.
            }
        }

        throw new ConcurrencyConflictException("Could not allocate an incident number: too many declarations at once. Try again.");
    }
}
