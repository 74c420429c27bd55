namespace ChatOps.Core.Reports;

/// <summary>
/// The report ports when the host registers none (hosts and test stacks without exports): <c>export</c> fails with a
/// message naming what is missing. The bot host replaces both (its <c>AddReports</c>).
/// </summary>
public sealed class UnconfiguredReports : IReportFormatter, IReportLinks
{
    public const string Message = "No report formatter or report links are registered; the host registers them (AddReports).";

    public ReportDocument Write(IncidentReport report, string format) => throw new InvalidOperationException(Message);

    public ReportLink CreateLink(string tenantId, string incidentId, string format) => throw new InvalidOperationException(Message);
}
