using Azure.Data.Tables;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Storage;

/// <summary>Conversation references for proactive messages, in the Index table.</summary>
public sealed class ConversationReferenceTableStore(ChatOpsTables tables, TimeProvider time) : IConversationReferenceStore
{
    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Upsert(TableKeys.ConversationPartition(reference.Key), "ref-" + TableKeys.ConversationRow(reference.Key), reference, cancellationToken);
    }

    public async Task<ConversationReference?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        await Get(TableKeys.ConversationPartition(key), "ref-" + TableKeys.ConversationRow(key), cancellationToken);

    public async Task<ConversationReference?> GetPersonalAsync(ChannelKind channel, string tenantId, string userId, CancellationToken cancellationToken = default) =>
        await Get(TableKeys.PersonalPartition(channel.ToString(), tenantId), TableKeys.Row(userId), cancellationToken);

    public Task UpsertPersonalAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var userId = reference.UserId ?? throw new ArgumentException("A personal conversation reference needs the user id.", nameof(reference));
        return Upsert(TableKeys.PersonalPartition(reference.Channel.ToString(), reference.TenantId), TableKeys.Row(userId), reference, cancellationToken);
    }

    private async Task Upsert(string partition, string row, ConversationReference reference, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(partition, row)
        {
            ["Channel"] = reference.Channel.ToString(),
            ["TenantId"] = reference.TenantId,
            ["ConversationId"] = reference.ConversationId,
            ["UserId"] = reference.UserId,
            ["ServiceUrl"] = reference.ServiceUrl,
            ["BotId"] = reference.BotId,
            ["BotName"] = reference.BotName,
            ["UpdatedAt"] = reference.UpdatedAt ?? time.GetUtcNow(),
        };
        EntityLimits.Check(entity, "The conversation reference");
        await StorageErrors.Guard(() => tables.Index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    private async Task<ConversationReference?> Get(string partition, string row, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var response = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken));
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }

        return new ConversationReference(
            Enum.Parse<ChannelKind>(e.GetString("Channel") ?? nameof(ChannelKind.Teams)),
            e.GetString("TenantId") ?? "",
            e.GetString("ConversationId") ?? "",
            e.GetString("UserId"),
            e.GetString("ServiceUrl"),
            e.GetString("BotId"),
            e.GetString("BotName"),
            e.GetDateTimeOffset("UpdatedAt"));
    }
}
