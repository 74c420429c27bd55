using System.Net;
using ChatOps.Teams.Connector;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Teams.Graph;

/// <summary>
/// Which Graph answers are retried (learn.microsoft.com/graph/throttling): 429 and 503 after their <c>Retry-After</c>,
/// 504, and transport failures; exponential back-off with jitter otherwise. A 409 (name taken) is not retried here:
/// the provisioner answers it with another name.
/// </summary>
internal static class GraphRetry
{
    public static HttpRetryStrategyOptions Options(TimeSpan delay, int maxRetries) => PeerRetry.Options(delay, maxRetries, "graph", ShouldRetry);

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
