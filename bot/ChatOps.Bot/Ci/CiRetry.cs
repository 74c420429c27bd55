using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Bot.Ci;

/// <summary>
/// Which CI API answers are tried again: the transient ones (429, 408, 5xx, timeouts, transport failures) and GitHub's
/// rate limit, which it may answer with 403 and <c>x-ratelimit-remaining: 0</c> (docs.github.com, "Rate limits for the
/// REST API"). A <c>Retry-After</c> sets the wait; the total timeout bounds how long the asker waits.
/// </summary>
internal static class CiRetry
{
    public static HttpRetryStrategyOptions Options(TimeSpan delay, int maxRetries) => new()
    {
        MaxRetryAttempts = maxRetries,
        Delay = delay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) || IsRateLimited(outcome.Result);

    private static bool IsRateLimited(HttpResponseMessage? response) =>
        response is { StatusCode: HttpStatusCode.Forbidden } && response.Headers.TryGetValues("x-ratelimit-remaining", out var values) && values.Contains("0");
}
