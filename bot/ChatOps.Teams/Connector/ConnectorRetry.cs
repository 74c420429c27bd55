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
    public static HttpRetryStrategyOptions Options(TimeSpan delay, int maxRetries) => new()
    {
        MaxRetryAttempts = maxRetries,
        Delay = delay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
        OnRetry = args =>
        {
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                ChatOps.Core.Diagnostics.ChatOpsDiagnostics.Throttled.Add(1, new KeyValuePair<string, object?>("chatops.peer", "teams"));
            }

            return ValueTask.CompletedTask;
        },
    };

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
