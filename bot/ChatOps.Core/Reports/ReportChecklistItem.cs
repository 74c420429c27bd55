using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>A checklist item and who ticked it when.</summary>
public sealed record ReportChecklistItem(string Id, string Text, bool Done, Participant? DoneBy, DateTimeOffset? DoneAt);
