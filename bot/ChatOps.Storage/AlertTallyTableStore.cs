using Azure.Data.Tables;
using ChatOps.Core.Alerts;

namespace ChatOps.Storage;

/// <summary>
/// Repeat firings per alert, one counter row per alert in the Index table (<c>alert|{tenant}|{incident}</c>), incremented
/// with optimistic concurrency like the incident numbers. Outside the incident's partition on purpose: a repeat is not a
/// decision, and a flood must not contend with the incident's own commits.
/// </summary>
public sealed class AlertTallyTableStore(ChatOpsTables tables) : IAlertTally
{
    public async Task<int> AddRepeatAsync(string tenantId, string incidentId, string alertId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var repeats = await new CounterAllocator(tables.Index).NextAsync(TableKeys.AlertPartition(tenantId, incidentId), TableKeys.Row(alertId), cancellationToken);
        return (int)Math.Min(int.MaxValue, repeats + 1);
    }

    public async Task<int> GetAsync(string tenantId, string incidentId, string alertId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.AlertPartition(tenantId, incidentId), TableKeys.Row(alertId), cancellationToken: cancellationToken));
        var repeats = row.HasValue && row.Value is { } e ? e.GetInt64("Value") ?? 0 : 0;
        return (int)Math.Min(int.MaxValue, repeats + 1);
    }
}
