using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>The open dialog of each conversation, in the Index table, written with ETags.</summary>
public sealed class DialogTableStore(ChatOpsTables tables) : IDialogStore
{
    public async Task<DialogState?> GetAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var response = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.ConversationPartition(conversation), Row(conversation), cancellationToken: cancellationToken));
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }

        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Data") ?? "{}", EventSerializer.Options) ?? [];
        return new DialogState(conversation, e.GetString("IncidentId") ?? "", e.GetString("Kind") ?? "", e.GetInt32("Step") ?? 0, data,
            e.GetString("StartedBy") ?? "", e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue, e.ETag.ToString());
    }

    public async Task<DialogState> SaveAsync(DialogState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.ConversationPartition(state.Conversation), Row(state.Conversation))
        {
            ["IncidentId"] = state.IncidentId,
            ["Kind"] = state.Kind,
            ["Step"] = state.Step,
            ["Data"] = JsonSerializer.Serialize(state.Data, EventSerializer.Options),
            ["StartedBy"] = state.StartedBy,
            ["UpdatedAt"] = state.UpdatedAt,
        };
        EntityLimits.Check(entity, "The dialog");
        try
        {
            var response = await StorageErrors.Guard(() => state.ETag is null
                ? tables.Index.AddEntityAsync(entity, cancellationToken)
                : tables.Index.UpdateEntityAsync(entity, new ETag(state.ETag), TableUpdateMode.Replace, cancellationToken));
            return state with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || ex.Status == 404)
        {
            throw new ConcurrencyConflictException("The dialog moved on since it was read.", ex);
        }
    }

    public async Task DeleteAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        try
        {
            await StorageErrors.Guard(() => tables.Index.DeleteEntityAsync(TableKeys.ConversationPartition(conversation), Row(conversation), ETag.All, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing to delete.
        }
    }

    private static string Row(ConversationKey conversation) => "dialog-" + TableKeys.ConversationRow(conversation);
}
