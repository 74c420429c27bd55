using ChatOps.Core.Storage;
using ChatOps.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace ChatOps.Bot.Health;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: storage answers and every health check tagged
/// <see cref="ReadyTag"/> is healthy (e.g. Slack Socket Mode has an open socket); 503 with the reason when not.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the health checks <c>/readyz</c> runs after the storage ping (SocketModeHealthCheck uses it).</summary>
    public const string ReadyTag = "ready";

    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("alive", null)));
        endpoints.MapGet("/readyz", ReadyAsync);
        return endpoints;
    }

    internal static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> ReadyAsync(
        ChatOpsTables tables, HealthCheckService checks, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadinessTimeout);
        try
        {
            await tables.PingAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException)
        {
            return NotReady(ex is OperationCanceledException ? "storage did not answer within 5 s" : ex.Message);
        }

        HealthReport report;
        try
        {
            report = await checks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NotReady("the readiness checks did not answer within 5 s");
        }

        // Degraded still serves; only an unhealthy check takes the instance out of rotation.
        var failing = report.Entries.Where(entry => entry.Value.Status == CheckStatus.Unhealthy).OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        return failing.Count == 0
            ? TypedResults.Ok(new HealthStatus("ready", null))
            : NotReady(string.Join("; ", failing.Select(entry => entry.Value.Description ?? $"{entry.Key} is unhealthy")));
    }

    private static JsonHttpResult<HealthStatus> NotReady(string reason) =>
        TypedResults.Json(new HealthStatus("not ready", reason), statusCode: StatusCodes.Status503ServiceUnavailable);
}

public sealed record HealthStatus(string Status, string? Reason);
