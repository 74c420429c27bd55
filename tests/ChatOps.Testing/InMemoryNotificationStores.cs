using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;

namespace ChatOps.Testing;

/// <summary>In-memory subscriptions; audience names are not case-sensitive, as in the Table store.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly ConcurrentDictionary<string, byte> _subs = new(StringComparer.Ordinal);

    public Task SubscribeAsync(ChannelKind channel, string tenantId, string audience, string userId, CancellationToken cancellationToken = default)
    {
        _subs[$"{channel}|{tenantId}|{audience.ToLowerInvariant()}|{userId}"] = 0;
        return Task.CompletedTask;
    }

    public Task<bool> UnsubscribeAsync(ChannelKind channel, string tenantId, string audience, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_subs.TryRemove($"{channel}|{tenantId}|{audience.ToLowerInvariant()}|{userId}", out _));

    public Task<IReadOnlyList<string>> ListAsync(ChannelKind channel, string tenantId, string audience, CancellationToken cancellationToken = default)
    {
        var prefix = $"{channel}|{tenantId}|{audience.ToLowerInvariant()}|";
        return Task.FromResult<IReadOnlyList<string>>(_subs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToList());
    }
}

/// <summary>In-memory delivery rows over <see cref="InMemoryIncidentStore.Outbox"/>, with the same lease and ETag rules.</summary>
public sealed class InMemoryDeliveryStore(InMemoryIncidentStore incidents) : IDeliveryStore
{
    private readonly ConcurrentDictionary<string, Delivery> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expanded = [];
    private readonly Lock _lock = new();
    private long _etag;

    public IReadOnlyCollection<Delivery> All => _rows.Values.ToList();

    public Task<IReadOnlyList<PendingOutbox>> GetPendingOutboxAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PendingOutbox>>(incidents.Outbox.Where(o => !_expanded.Contains(o.Id)).Take(max)
                .Select(o => { var n = Notice.Read(o.Payload); return new PendingOutbox(n.TenantId, n.IncidentId, "out-" + o.Id, o.Kind, o.Payload, "1"); }).ToList());
        }
    }

    public Task ExpandAsync(PendingOutbox outbox, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var notice = Notice.Read(outbox.Payload);
        foreach (var r in recipients)
        {
            _rows.TryAdd(Key(notice.NoticeId, notice.Audience, r), new Delivery(outbox.TenantId, outbox.IncidentId, notice.NoticeId, notice.Audience, r, outbox.Payload,
                DeliveryStatus.Pending, 0, DateTimeOffset.UnixEpoch, null, null, null, NextETag()));
        }

        lock (_lock)
        {
            _expanded.Add(outbox.RowId[4..]);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Delivery>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Delivery>>(_rows.Values.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil is null || d.LeaseUntil <= now)).Take(max).ToList());

    public Task<Delivery?> TryClaimAsync(Delivery delivery, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var claimed = delivery with { LeaseOwner = owner, LeaseUntil = leaseUntil, ETag = NextETag() };
        return Task.FromResult(Replace(delivery, claimed) ? claimed : null);
    }

    public Task MarkSentAsync(Delivery delivery, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Replace(delivery, delivery with { Status = DeliveryStatus.Sent, LeaseOwner = null, LeaseUntil = null, ETag = NextETag() });
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(Delivery delivery, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Replace(delivery, delivery with
        {
            Status = nextAttempt is null ? DeliveryStatus.Dead : DeliveryStatus.Pending,
            NextAttemptAt = nextAttempt ?? delivery.NextAttemptAt,
            LastError = error,
            LeaseOwner = null,
            LeaseUntil = null,
            ETag = NextETag(),
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Delivery>> ListAsync(string tenantId, string incidentId, string noticeId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Delivery>>(_rows.Values.Where(d => d.TenantId == tenantId && d.IncidentId == incidentId && d.NoticeId == noticeId).ToList());

    private bool Replace(Delivery expected, Delivery next)
    {
        var key = Key(expected.NoticeId, expected.Audience, expected.Recipient);
        return _rows.TryGetValue(key, out var current) && current.ETag == expected.ETag && _rows.TryUpdate(key, next, current);
    }

    private static string Key(string noticeId, string audience, Recipient r) => $"{noticeId}|{audience}|{r.Key}";

    private string NextETag() => Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
}
