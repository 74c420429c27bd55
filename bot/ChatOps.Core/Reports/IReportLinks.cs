namespace ChatOps.Core.Reports;

/// <summary>
/// Port: an expiring link at which the host serves one tenant's report of one incident in one format. The host
/// implements it (signed links to its report endpoint); Core hands the link to the requester.
/// </summary>
public interface IReportLinks
{
    ReportLink CreateLink(string tenantId, string incidentId, string format);
}
