using System.Globalization;
using System.Text;
using ChatOps.Core.Conversations;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>
/// Every PartitionKey and RowKey is built here. Table storage forbids <c>/ \ # ?</c> and control characters in
/// keys (learn.microsoft.com "Understanding the Table service data model"), and keys are at most 1 KiB; components
/// are percent-escaped (also <c>%</c> and our separator <c>|</c>) so distinct inputs never collide.
/// </summary>
public static class TableKeys
{
    public const string Snapshot = "snapshot";
    public const string EventPrefix = "evt-";
    public const string OutboxPrefix = "out-";
    public const string AppliedDeliveryPrefix = "applied-";
    private const int MaxKeyLength = 1024;

    public static string IncidentPartition(string tenantId, string incidentId) => Join("inc", tenantId, incidentId);

    public static string EventRow(long sequence) => EventPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    public static string OutboxRow(string id) => OutboxPrefix + Escape(id);

    /// <summary>Row of an applied delivery in its incident's partition: a hash, since delivery keys hold any character.</summary>
    public static string AppliedDeliveryRow(string deliveryKey) =>
        AppliedDeliveryPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deliveryKey)));

    public static string TenantPartition(string tenantId) => Join("tenant", tenantId);

    /// <summary>Keyed checkpoints of one incident's log, in the Index table: deliberately not the incident's partition.</summary>
    public static string CheckpointPartition(string tenantId, string incidentId) => Join("audit", tenantId, incidentId);

    public static string CounterRow(int year) => "counter-" + year.ToString(CultureInfo.InvariantCulture);

    public static string ConversationPartition(ConversationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Join("conv", key.Channel.ToString(), key.TenantId);
    }

    public static string ConversationRow(ConversationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Check(Escape(key.ConversationId));
    }

    public static string SubscriptionPartition(string channel, string tenantId, string audience) => Join("sub", channel, tenantId, audience);

    public static string DeliveryPartition(string tenantId, string incidentId, string noticeId) => Join("dlv", tenantId, incidentId, noticeId);

    public static string PostedCardPartition(string channel, string tenantId) => Join("card", channel, tenantId);

    public static string AlertPartition(string tenantId, string incidentId) => Join("alert", tenantId, incidentId);

    public static string PersonalPartition(string channel, string tenantId) => Join("personal", channel, tenantId);

    public static string IdempotencyPartition(string scope, string key)
    {
        // Spread claims over 16 partitions per scope so a busy scope is not one hot partition.
        var bucket = (uint)StringComparer.Ordinal.GetHashCode(key) % 16;
        return Join("idem", scope, bucket.ToString("x", CultureInfo.InvariantCulture));
    }

    public static string Row(string value) => Check(Escape(value));

    /// <summary>Escapes one key component. Reversible with <see cref="Unescape"/>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new InvalidKeyException("A key component cannot be empty.");
        }

        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 16);
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                if (c > 0xFF)
                {
                    throw new InvalidKeyException("Unexpected character in key.");
                }
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? value;
    }

    public static string Unescape(string value) => Uri.UnescapeDataString(value);

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c);

    private static string Join(params string[] parts) => Check(string.Join('|', parts.Select(Escape)));

    private static string Check(string key) => key.Length <= MaxKeyLength
        ? key
        : throw new InvalidKeyException($"A storage key would be {key.Length} characters long; Table storage allows {MaxKeyLength}.");
}
