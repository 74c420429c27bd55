namespace ChatOps.Bot.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" }));
        return endpoints;
    }
}
