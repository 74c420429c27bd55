namespace ChatOps.Core.Reports;

public sealed record ReportChecklist(string Phase, IReadOnlyList<ReportChecklistItem> Items);
