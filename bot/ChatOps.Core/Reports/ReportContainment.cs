using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>A containment ledger entry with how it was reversed (or why it was kept).</summary>
public sealed record ReportContainment(
    string Id,
    string Action,
    string Undo,
    Participant? Owner,
    string State,
    Participant? DoneBy,
    DateTimeOffset? DoneAt,
    Participant? ReversedBy,
    DateTimeOffset? ReversedAt,
    string? KeptReason);
