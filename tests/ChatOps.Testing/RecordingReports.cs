using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Core.Reports;

namespace ChatOps.Testing;

/// <summary>
/// Core's report ports without the host: a link per request (remembered, so a test can compare the reply with it) and
/// a one-line document naming the format and the incident. The real, signed links and the Markdown/JSON writers
/// belong to the bot host and are tested in ChatOps.Bot.Tests.
/// </summary>
public sealed class RecordingReports(TimeProvider time) : IReportLinks, IReportFormatter
{
    public const string BaseUrl = "https://reports.example.test/";

    /// <summary>Every link handed out: the values asked for and the link.</summary>
    public ConcurrentQueue<(string TenantId, string IncidentId, string Format, ReportLink Link)> Links { get; } = new();

    public ReportLink CreateLink(string tenantId, string incidentId, string format)
    {
        var expires = time.GetUtcNow().AddHours(1);
        var url = new Uri($"{BaseUrl}{Uri.EscapeDataString(tenantId)}/{Uri.EscapeDataString(incidentId)}.{format}?exp={expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        var link = new ReportLink(url, expires);
        Links.Enqueue((tenantId, incidentId, format, link));
        return link;
    }

    public ReportDocument Write(IncidentReport report, string format)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportDocument($"{format} report of {report.Incident.Id}: {report.Decisions.Count} decisions", "text/plain");
    }
}
