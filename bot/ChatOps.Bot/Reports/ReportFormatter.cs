using ChatOps.Core.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>Core's <see cref="IReportFormatter"/>: <c>json</c> by <see cref="JsonReportWriter"/>, anything else Markdown by <see cref="MarkdownReportWriter"/>.</summary>
public sealed class ReportFormatter : IReportFormatter
{
    public ReportDocument Write(IncidentReport report, string format) => format == "json"
        ? new ReportDocument(JsonReportWriter.Write(report), JsonReportWriter.ContentType)
        : new ReportDocument(MarkdownReportWriter.Write(report), MarkdownReportWriter.ContentType);
}
