namespace ChatOps.Core.Notifications;

/// <summary>
/// The delivery side of the outbox: pending outbox rows are expanded into one delivery row per recipient
/// (idempotently), claimed with a lease, and marked sent or dead-lettered.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Outbox rows written with their decisions and not yet expanded.</summary>
    Task<IReadOnlyList<PendingOutbox>> GetPendingOutboxAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Creates the delivery rows (existing ones are left as they are), then marks the outbox row expanded.</summary>
    Task ExpandAsync(PendingOutbox outbox, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>Deliveries due now: pending, not leased (or lease ended), next attempt reached.</summary>
    Task<IReadOnlyList<Delivery>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Takes a lease on the delivery (ETag-conditioned); null when another dispatcher got it first.</summary>
    Task<Delivery?> TryClaimAsync(Delivery delivery, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    Task MarkSentAsync(Delivery delivery, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records a failure: retry at <paramref name="nextAttempt"/>, or dead-letter when it is null.</summary>
    Task MarkFailedAsync(Delivery delivery, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken = default);

    /// <summary>Every delivery of a notice (for "who has not acknowledged").</summary>
    Task<IReadOnlyList<Delivery>> ListAsync(string tenantId, string incidentId, string noticeId, CancellationToken cancellationToken = default);
}

/// <summary>An outbox row waiting to be expanded.</summary>
public sealed record PendingOutbox(string TenantId, string IncidentId, string RowId, string Kind, string Payload, string ETag);

/// <summary>One notice to one recipient.</summary>
public sealed record Delivery(
    string TenantId,
    string IncidentId,
    string NoticeId,
    string Audience,
    Recipient Recipient,
    string Payload,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    string? LastError,
    string ETag);

public enum DeliveryStatus
{
    Pending,
    Sent,
    Dead,
}
