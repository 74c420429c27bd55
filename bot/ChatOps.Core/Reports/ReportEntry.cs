using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>One decision record as the report shows it: when, who, what (in words) and why.</summary>
public sealed record ReportEntry(long Sequence, DateTimeOffset At, Participant Actor, string Kind, string What, string? Why);
