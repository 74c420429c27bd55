using System.Net;
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
    public static HttpRetryStrategyOptions Options(TimeSpan delay, int maxRetries) => new()
    {
        MaxRetryAttempts = maxRetries,
        Delay = delay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
        {
            { Exception: HttpRequestException or TimeoutException } => true,
            { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
            _ => false,
        }),
        OnRetry = args =>
        {
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                ChatOps.Core.Diagnostics.ChatOpsDiagnostics.Throttled.Add(1, new KeyValuePair<string, object?>("chatops.peer", "graph"));
            }

            return ValueTask.CompletedTask;
        },
    };
}
