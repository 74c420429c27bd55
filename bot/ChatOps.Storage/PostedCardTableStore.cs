using Azure.Data.Tables;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Storage;

/// <summary>Where cards were posted (one row per card and channel), in the Index table.</summary>
public sealed class PostedCardTableStore(ChatOpsTables tables) : IPostedCardStore
{
    public async Task RecordAsync(string cardKey, PostedCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.PostedCardPartition(card.Channel.ToString(), card.TenantId), TableKeys.Row(cardKey))
        {
            ["ConversationId"] = card.ConversationId,
            ["MessageId"] = card.MessageId,
            ["ServiceUrl"] = card.ServiceUrl,
        };
        EntityLimits.Check(entity, "The posted card reference");
        await StorageErrors.Guard(() => tables.Index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    public async Task<PostedCard?> FindAsync(ChannelKind channel, string tenantId, string cardKey, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.PostedCardPartition(channel.ToString(), tenantId);
        var response = await StorageErrors.Guard(() => tables.Index.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Row(cardKey), cancellationToken: cancellationToken));
        return response.HasValue && response.Value is { } e
            ? new PostedCard(channel, tenantId, e.GetString("ConversationId") ?? "", e.GetString("MessageId") ?? "", e.GetString("ServiceUrl"))
            : null;
    }
}
