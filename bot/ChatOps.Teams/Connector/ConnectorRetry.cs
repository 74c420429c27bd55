using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Which Connector answers are retried (msteams-docs rate-limit.md): 429 (after <c>Retry-After</c>), 412, 502, 503,
/// 504, and transport failures; exponential back-off with jitter.
/// </summary>
internal static class ConnectorRetry
{
    public static HttpRetryStrategyOptions Options(TimeSpan delay, int maxRetries) => PeerRetry.Options(delay, maxRetries, "teams", ShouldRetry);

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutException } => true,
        { Result: { } response } => IsRetriable(response.StatusCode),
        _ => false,
    };

    public static bool IsRetriable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
