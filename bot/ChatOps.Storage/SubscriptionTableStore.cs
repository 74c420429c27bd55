using Azure;
using Azure.Data.Tables;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;

namespace ChatOps.Storage;

/// <summary>Audience subscriptions: one partition per tenant, platform and audience; a row per subscriber.</summary>
public sealed class SubscriptionTableStore(ChatOpsTables tables, TimeProvider time) : ISubscriptionStore
{
    public async Task SubscribeAsync(ChannelKind channel, string tenantId, string audience, string userId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(Partition(channel, tenantId, audience), TableKeys.Row(userId)) { ["UserId"] = userId, ["Since"] = time.GetUtcNow() };
        await StorageErrors.Guard(() => tables.Index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    public async Task<bool> UnsubscribeAsync(ChannelKind channel, string tenantId, string audience, string userId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        try
        {
            var response = await StorageErrors.Guard(() => tables.Index.DeleteEntityAsync(Partition(channel, tenantId, audience), TableKeys.Row(userId), ETag.All, cancellationToken));
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(ChannelKind channel, string tenantId, string audience, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = Partition(channel, tenantId, audience);
        return await StorageErrors.Guard(async () =>
        {
            var users = new List<string>();
            await foreach (var e in tables.Index.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                users.Add(e.GetString("UserId") ?? TableKeys.Unescape(e.RowKey));
            }

            return (IReadOnlyList<string>)users;
        });
    }

    private static string Partition(ChannelKind channel, string tenantId, string audience) =>
        TableKeys.SubscriptionPartition(channel.ToString(), tenantId, audience.ToLowerInvariant());
}
