using Azure.Data.Tables;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;

namespace ChatOps.Storage;

/// <summary>Row shape of a delivery.</summary>
internal static class DeliveryEntities
{
    public static TableEntity Create(string partition, PendingOutbox outbox, Notice notice, Recipient recipient)
    {
        var entity = new TableEntity(partition, TableKeys.Row(recipient.Key))
        {
            ["TenantId"] = outbox.TenantId,
            ["IncidentId"] = outbox.IncidentId,
            ["NoticeId"] = notice.NoticeId,
            ["Audience"] = notice.Audience,
            ["Channel"] = recipient.Channel.ToString(),
            ["RecipientKind"] = recipient.Kind.ToString(),
            ["RecipientId"] = recipient.Id,
            ["Payload"] = outbox.Payload,
            ["Status"] = "pending",
            ["Attempts"] = 0,
            ["NextAttemptAt"] = DateTimeOffset.UnixEpoch,
            ["LeaseUntil"] = DateTimeOffset.UnixEpoch,
        };
        EntityLimits.Check(entity, "A delivery");
        return entity;
    }

    public static TableEntity Key(Delivery delivery) =>
        new(TableKeys.DeliveryPartition(delivery.TenantId, delivery.IncidentId, $"{delivery.NoticeId}-{delivery.Audience}"), TableKeys.Row(delivery.Recipient.Key));

    public static Delivery Read(TableEntity e)
    {
        var leaseUntil = e.GetDateTimeOffset("LeaseUntil");
        return new Delivery(
            e.GetString("TenantId") ?? "",
            e.GetString("IncidentId") ?? "",
            e.GetString("NoticeId") ?? "",
            e.GetString("Audience") ?? "",
            new Recipient(Enum.Parse<ChannelKind>(e.GetString("Channel") ?? "Teams"), e.GetString("TenantId") ?? "",
                Enum.Parse<RecipientKind>(e.GetString("RecipientKind") ?? "User"), e.GetString("RecipientId") ?? ""),
            e.GetString("Payload") ?? "",
            (e.GetString("Status") ?? "pending") switch { "sent" => DeliveryStatus.Sent, "dead" => DeliveryStatus.Dead, _ => DeliveryStatus.Pending },
            e.GetInt32("Attempts") ?? 0,
            e.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.UnixEpoch,
            e.GetString("LeaseOwner") is { Length: > 0 } owner ? owner : null,
            leaseUntil is { } l && l > DateTimeOffset.UnixEpoch ? l : null,
            e.GetString("LastError"),
            e.ETag.ToString());
    }
}
