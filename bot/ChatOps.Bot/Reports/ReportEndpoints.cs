using ChatOps.Core.Reports;
using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.Bot.Reports;

/// <summary>
/// <c>GET /api/incidents/{id}/report.{md|json}?tenant=…&amp;exp=…&amp;sig=…</c>: the incident report behind a link that
/// <c>export</c> signed. The signature is the only credential: tampered, expired or other-tenant links get 403
/// (checked before anything is read, so a bad link learns nothing about which incidents exist).
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/incidents");
        group.MapGet("/{id}/report.{format}", GetReportAsync);
        return group;
    }

    internal static async Task<Results<ContentHttpResult, NotFound, StatusCodeHttpResult>> GetReportAsync(
        string id, string format, string? tenant, string? exp, string? sig,
        ReportLinkSigner signer, IReportFormatter formatter, IIncidentStore store, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!signer.IsValid(tenant, id, format, exp, sig))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var snapshot = await store.GetAsync(tenant!, id, cancellationToken);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        var records = await store.GetDecisionsAsync(tenant!, id, cancellationToken);
        var report = IncidentReportBuilder.Build(snapshot.Incident, records, time.GetUtcNow());
        // The report is confidential and the link expires: no caching anywhere on the way.
        http.Response.Headers.CacheControl = "no-store";
        var document = formatter.Write(report, format);
        return TypedResults.Text(document.Content, document.ContentType + "; charset=utf-8");
    }
}
