using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Teams.Connector;

/// <summary>
/// The retry strategy every outbound Microsoft peer shares: exponential back-off with jitter, <c>Retry-After</c>
/// honoured, throttling counted per peer. Which answers are retried is the peer's own (<see cref="ConnectorRetry"/>,
/// <see cref="Graph.GraphRetry"/>).
/// </summary>
internal static class PeerRetry
{
    public static HttpRetryStrategyOptions Options(TimeSpan delay, int maxRetries, string peer, Func<Outcome<HttpResponseMessage>, bool> shouldRetry) => new()
    {
        MaxRetryAttempts = maxRetries,
        Delay = delay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),
        OnRetry = args =>
        {
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                ChatOps.Core.Diagnostics.ChatOpsDiagnostics.Throttled.Add(1, new KeyValuePair<string, object?>("chatops.peer", peer));
            }

            return ValueTask.CompletedTask;
        },
    };
}
