namespace ChatOps.Core.Reports;

/// <param name="Progress">Where the phase stands (<see cref="Workflow.PhaseProjection"/>): next, current, done, skipped or open.</param>
public sealed record ReportChecklist(string Phase, IReadOnlyList<ReportChecklistItem> Items, string Progress);
