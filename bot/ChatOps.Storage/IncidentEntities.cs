using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ChatOps.Core.Decisions;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>Row shapes of an incident partition: snapshot, decision records and outbox rows.</summary>
internal static class IncidentEntities
{
    private const string StatePrefix = "State";

    /// <summary>How many <c>State{n}</c> properties hold the snapshot's JSON.</summary>
    public const string StateChunks = "StateChunks";

    public static TableEntity Snapshot(string partition, Incident state)
    {
        var json = JsonSerializer.Serialize(state, EventSerializer.Options);
        var entity = new TableEntity(partition, TableKeys.Snapshot)
        {
            ["Type"] = "snapshot",
            ["Version"] = state.Version,
            ["LastHash"] = state.LastHash,
            ["Status"] = state.Status.ToString(),
        };

        // The snapshot may outgrow one 64 KiB string property; it is split across State0..StateN (the entity's
        // 1 MiB limit still applies and is checked before writing).
        var chunks = (json.Length + EntityLimits.MaxStringChars - 1) / EntityLimits.MaxStringChars;
        entity[StateChunks] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * EntityLimits.MaxStringChars;
            entity[StatePrefix + i.ToString(CultureInfo.InvariantCulture)] =
                json.Substring(start, Math.Min(EntityLimits.MaxStringChars, json.Length - start));
        }

        return entity;
    }

    public static Incident ReadSnapshot(TableEntity entity)
    {
        var chunks = entity.GetInt32(StateChunks) ?? 0;
        var json = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(StatePrefix + i.ToString(CultureInfo.InvariantCulture))));
        return JsonSerializer.Deserialize<Incident>(json, EventSerializer.Options)
            ?? throw new InvalidDataException($"Snapshot {entity.PartitionKey} is empty.");
    }

    public static TableEntity Event(string partition, DecisionRecord record) => new(partition, TableKeys.EventRow(record.Sequence))
    {
        ["Type"] = "event",
        ["Sequence"] = record.Sequence,
        ["Kind"] = record.Kind,
        ["ActorChannel"] = record.Actor.Channel.ToString(),
        ["ActorTenantId"] = record.Actor.TenantId,
        ["ActorUserId"] = record.Actor.UserId,
        ["ActorName"] = record.Actor.DisplayName,
        ["ActorAadObjectId"] = record.Actor.AadObjectId,
        ["At"] = record.At,
        ["Payload"] = record.Payload,
        ["Reason"] = record.Reason,
        ["PreviousHash"] = record.PreviousHash,
        ["Hash"] = record.Hash,
    };

    public static DecisionRecord ReadEvent(TableEntity e) => new(
        e.GetInt64("Sequence") ?? -1,
        e.GetString("Kind") ?? "",
        new Actor(
            Enum.TryParse<ChannelKind>(e.GetString("ActorChannel"), out var channel) ? channel : ChannelKind.Teams,
            e.GetString("ActorTenantId") ?? "",
            e.GetString("ActorUserId") ?? "",
            e.GetString("ActorName") ?? "",
            e.GetString("ActorAadObjectId")),
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("Payload") ?? "",
        e.GetString("Reason"),
        e.GetString("PreviousHash") ?? "",
        e.GetString("Hash") ?? "");

    public static TableEntity Outbox(string partition, OutboxMessage message, DateTimeOffset createdAt) => new(partition, TableKeys.OutboxRow(message.Id))
    {
        ["Type"] = "outbox",
        ["Kind"] = message.Kind,
        ["Payload"] = message.Payload,
        ["Status"] = "pending",
        ["CreatedAt"] = createdAt,
    };
}
