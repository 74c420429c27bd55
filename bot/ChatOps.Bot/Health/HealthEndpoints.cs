using ChatOps.Core.Storage;
using ChatOps.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.Bot.Health;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: storage answers (503 with the reason when not).</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("alive", null)));
        endpoints.MapGet("/readyz", ReadyAsync);
        return endpoints;
    }

    internal static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> ReadyAsync(ChatOpsTables tables, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadinessTimeout);
        try
        {
            await tables.PingAsync(timeout.Token);
            return TypedResults.Ok(new HealthStatus("ready", null));
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException)
        {
            var reason = ex is OperationCanceledException ? "storage did not answer within 5 s" : ex.Message;
            return TypedResults.Json(new HealthStatus("not ready", reason), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthStatus(string Status, string? Reason);
