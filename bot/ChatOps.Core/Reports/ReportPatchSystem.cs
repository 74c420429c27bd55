namespace ChatOps.Core.Reports;

public sealed record ReportPatchSystem(string System, string State);
