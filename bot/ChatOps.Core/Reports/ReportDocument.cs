namespace ChatOps.Core.Reports;

/// <summary>A report written out in one of the export formats (<c>md</c> or <c>json</c>).</summary>
public sealed record ReportDocument(string Content, string ContentType)
{
    public static ReportDocument Write(IncidentReport report, string format) => format == "json"
        ? new ReportDocument(JsonReportWriter.Write(report), JsonReportWriter.ContentType)
        : new ReportDocument(MarkdownReportWriter.Write(report), MarkdownReportWriter.ContentType);
}
