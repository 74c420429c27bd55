namespace ChatOps.Core.Reports;

/// <summary>
/// Port: writes a report in an export format (<c>md</c> for people, <c>json</c> for tools). The host implements it;
/// Core only builds the <see cref="IncidentReport"/>.
/// </summary>
public interface IReportFormatter
{
    /// <summary>The report as a document of <paramref name="format"/> (<c>json</c>, anything else Markdown).</summary>
    ReportDocument Write(IncidentReport report, string format);
}
