using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Storage;

/// <summary>One atomic change of an incident: new records, the resulting state and the notifications it causes.</summary>
/// <param name="DeliveryKey">The delivery this change applies (a Slack request taken from the durable intake), when it
/// can be delivered again: the store keeps it in the incident's own transaction and throws
/// <see cref="DuplicateDeliveryException"/> when it was already applied, so a re-run after a crash never records twice.</param>
public sealed record IncidentCommit(
    Incident State,
    string? ExpectedETag,
    IReadOnlyList<DecisionRecord> Records,
    IReadOnlyList<OutboxMessage> Outbox,
    string? DeliveryKey = null);
