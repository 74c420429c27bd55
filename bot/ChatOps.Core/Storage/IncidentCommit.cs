using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Storage;

/// <summary>One atomic change of an incident: new records, the resulting state and the notifications it causes.</summary>
public sealed record IncidentCommit(
    Incident State,
    string? ExpectedETag,
    IReadOnlyList<DecisionRecord> Records,
    IReadOnlyList<OutboxMessage> Outbox);
