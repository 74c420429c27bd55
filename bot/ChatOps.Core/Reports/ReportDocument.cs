namespace ChatOps.Core.Reports;

/// <summary>A report written out in one of the export formats (<c>md</c> or <c>json</c>), by <see cref="IReportFormatter"/>.</summary>
public sealed record ReportDocument(string Content, string ContentType);
