using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Conversations;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>
/// Conversation → active incident, in the Index table. The binding is claimed with an insert (so two declarations
/// in one channel cannot both win) and released on close; a binding left behind by an incident that never got
/// written or is closed is replaced.
/// </summary>
public sealed class IncidentDirectoryTableStore(ChatOpsTables tables) : IIncidentDirectory
{
    private const string IncidentIdProperty = "IncidentId";

    public async Task<string?> FindAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var response = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.ConversationPartition(conversation), Row(conversation), cancellationToken: cancellationToken));
        return response.HasValue ? response.Value?.GetString(IncidentIdProperty) : null;
    }

    public async Task<string?> FindLastAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(conversation, cancellationToken) is { } active)
        {
            return active;
        }

        var response = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.ConversationPartition(conversation), LastRow(conversation), cancellationToken: cancellationToken));
        return response.HasValue ? response.Value?.GetString(IncidentIdProperty) : null;
    }

    public async Task<bool> TryBindAsync(ConversationKey conversation, string incidentId, Func<string, Task<bool>> isStillActive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isStillActive);
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.ConversationPartition(conversation), Row(conversation)) { [IncidentIdProperty] = incidentId };
        try
        {
            await StorageErrors.Guard(() => tables.Index.AddEntityAsync(entity, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken));
            if (!existing.HasValue || existing.Value is null)
            {
                return false; // released between our insert and read: let the caller try again
            }

            var current = existing.Value.GetString(IncidentIdProperty);
            if (current is not null && await isStillActive(current))
            {
                return false;
            }

            try
            {
                await StorageErrors.Guard(() => tables.Index.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken));
                return true;
            }
            catch (RequestFailedException conflict) when (StorageErrors.IsConflict(conflict))
            {
                return false;
            }
        }
    }

    public async IAsyncEnumerable<(ConversationKey Conversation, string IncidentId)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"conv|"} and PartitionKey lt {"conv}"} and RowKey ge {"incident-"} and RowKey lt {"incident."}");
        await foreach (var e in tables.Index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var parts = e.PartitionKey.Split('|');
            if (parts.Length == 3 && Enum.TryParse<ChatOps.Core.Identity.ChannelKind>(TableKeys.Unescape(parts[1]), out var channel) && e.GetString(IncidentIdProperty) is { } id)
            {
                yield return (new ConversationKey(channel, TableKeys.Unescape(parts[2]), TableKeys.Unescape(e.RowKey["incident-".Length..])), id);
            }
        }
    }

    public async Task UnbindAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.ConversationPartition(conversation);
        var row = Row(conversation);
        var existing = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken));
        if (existing.HasValue && existing.Value is not null
            && string.Equals(existing.Value.GetString(IncidentIdProperty), incidentId, StringComparison.Ordinal))
        {
            // Remember the incident first, so a crash between the two writes still leaves it findable after close.
            var last = new TableEntity(partition, LastRow(conversation)) { [IncidentIdProperty] = incidentId };
            await StorageErrors.Guard(() => tables.Index.UpsertEntityAsync(last, TableUpdateMode.Replace, cancellationToken));
            try
            {
                await StorageErrors.Guard(() => tables.Index.DeleteEntityAsync(partition, row, existing.Value.ETag, cancellationToken));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Already released or rebound by someone else.
            }
        }
    }

    private static string Row(ConversationKey conversation) => "incident-" + TableKeys.ConversationRow(conversation);

    private static string LastRow(ConversationKey conversation) => "last-incident-" + TableKeys.ConversationRow(conversation);
}
