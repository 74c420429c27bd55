namespace ChatOps.Core.Reports;

/// <summary>A row of the patch matrix: the patch, its tests and where each system stands.</summary>
public sealed record ReportPatch(string Id, string Description, string? RollbackPlan, IReadOnlyList<ReportPatchTest> Tests, IReadOnlyList<ReportPatchSystem> Systems);
