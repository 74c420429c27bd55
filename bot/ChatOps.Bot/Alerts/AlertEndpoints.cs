using System.Text.Json;
using ChatOps.Core.Alerts;
using ChatOps.Http;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Alerts;

/// <summary>
/// <c>POST /api/alerts/{source}</c>: Azure Monitor (common alert schema) and Alertmanager (webhook v4) post alerts here.
/// Checked in this order, and nothing is recorded unless all pass: the source's token (401, the same answer for an unknown
/// source, so a caller without a token cannot learn which source names exist), JSON media type (415), size (413), JSON and
/// schema (400 with a problem body naming what is wrong). Each alert is then mapped to systems and taken by
/// <see cref="AlertIntake"/>.
/// </summary>
public static class AlertEndpoints
{
    /// <summary>Alertmanager groups alerts in one post; a megabyte holds thousands.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static RouteHandlerBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/alerts/{source}", PostAsync);

    public static bool IsSourceName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static async Task<IResult> PostAsync(
        string source, HttpContext http, IOptionsMonitor<AlertsOptions> options, AlertIntake intake, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (AlertSourceAuthentication.Authenticate(request, source, options.CurrentValue) is not { } settings)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem("A valid alert source token is required (Authorization: Bearer <token>; Azure Monitor webhooks: ?token=<token>).",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!request.HasJsonContentType())
        {
            return Results.Problem("Send the alert payload as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var bytes = await InboundBody.ReadAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);
        if (bytes is null)
        {
            return Results.Problem($"An alert payload is at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        IReadOnlyList<ParsedAlert> alerts;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            alerts = settings.Kind == AlertSourceKind.AzureMonitor ? AzureMonitorPayload.Parse(document.RootElement) : AlertmanagerPayload.Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return Results.Problem("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AlertPayloadException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var outcomes = new List<AlertIntakeOutcome>(alerts.Count);
        foreach (var alert in alerts)
        {
            var systems = AlertSystemRules.Systems(settings.Rules, alert);
            // Names and summaries are the source's free text: clipped, so a huge annotation cannot outgrow the record
            // (or, one alert at a time, the incident's snapshot) and fail the batch half-way.
            outcomes.Add(await intake.TakeAsync(settings.TenantId!,
                new IncomingAlert(source, alert.ExternalId, Clip(alert.Name, MaxName)!, alert.Firing, Clip(alert.Summary, MaxSummary), systems), cancellationToken));
        }

        return Results.Ok(new AlertIntakeAnswer(
            outcomes.Count(o => o == AlertIntakeOutcome.Recorded), outcomes.Count(o => o == AlertIntakeOutcome.Repeated),
            outcomes.Count(o => o == AlertIntakeOutcome.UnknownSystem), outcomes.Count(o => o == AlertIntakeOutcome.NotWatched)));
    }

    internal const int MaxName = 200;
    internal const int MaxSummary = 2_000;

    internal static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
