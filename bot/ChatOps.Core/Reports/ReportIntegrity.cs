namespace ChatOps.Core.Reports;

/// <summary>The result of verifying the decision log when the report was built.</summary>
public sealed record ReportIntegrity(bool Intact, int RecordCount, string? LastHash, string? Problem);
