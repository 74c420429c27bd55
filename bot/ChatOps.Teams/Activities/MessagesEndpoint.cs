using System.Text.Json;
using ChatOps.Http;
using ChatOps.Teams.Auth;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>
/// <c>POST /api/messages</c>: the one place where HTTP meets the activity. The token was validated by the
/// pipeline; here the activity is parsed, checked against the token (serviceUrl, endorsement), and only then routed.
/// </summary>
internal static class MessagesEndpoint
{
    /// <summary>Far above any real activity (Teams caps a message near 28 KB); larger bodies get 413 once the caller is authenticated.</summary>
    public const int MaxActivityBytes = 1024 * 1024;

    public static async Task<IResult> PostAsync(HttpContext http, ActivityRouter router, ActivityAudience audience, ServiceUrlPolicy serviceUrls, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(serviceUrls);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(router);
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        if (!http.Request.HasJsonContentType())
        {
            Log.InvalidActivity(logger, "content type is not JSON");
            return TypedResults.Problem("Send the activity as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await InboundBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxActivityBytes, http.RequestAborted);
        if (body is null)
        {
            Log.InvalidActivity(logger, "body is larger than the limit");
            return TypedResults.Problem($"An activity is at most {MaxActivityBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = body.Length == 0 ? null : JsonSerializer.Deserialize(body, TeamsJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            Log.InvalidActivity(logger, "body is not an activity JSON object");
            return TypedResults.BadRequest("The body is not a Bot Framework activity.");
        }

        var invalid = activity switch
        {
            null => "body is empty",
            { Type: null or "" } => "type is missing",
            { ServiceUrl: var url } when !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) => "serviceUrl is not an absolute http(s) URL",
            { Conversation.Id: null or "" } => "conversation.id is missing",
            _ => null,
        };
        if (invalid is not null)
        {
            Log.InvalidActivity(logger, invalid);
            return TypedResults.BadRequest($"Invalid activity: {invalid}.");
        }

        // Refused before the router runs, so nothing of a refused activity is stored (conversation references included).
        var authenticated = http.User.Identity?.IsAuthenticated == true;
        var refusal = ActivityAuthorization.Check(http.User, activity!)
            ?? audience.Check(activity!)
            ?? (serviceUrls.IsAllowed(new Uri(activity!.ServiceUrl!), authenticated) ? null : "the serviceUrl's host is not in Teams:ServiceUrlHosts (or is not https)");
        if (refusal is not null)
        {
            Log.ActivityRefused(logger, activity!.Type, refusal);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return ToHttp(await router.RouteAsync(activity!, http.RequestAborted));
    }

    /// <summary>The one place a turn's answer becomes HTTP.</summary>
    private static IResult ToHttp(TurnResult result) => result switch
    {
        TurnResult.Acknowledged => TypedResults.Ok(),
        TurnResult.Unsupported => TypedResults.StatusCode(StatusCodes.Status501NotImplemented),
        TurnResult.Invalid invalid => TypedResults.BadRequest(invalid.Reason),
        TurnResult.InvokeAnswer answer => TypedResults.Json(answer.Response, TeamsJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: answer.Response.StatusCode),
        _ => throw new InvalidOperationException($"Unknown turn result {result.GetType().Name}."),
    };
}
