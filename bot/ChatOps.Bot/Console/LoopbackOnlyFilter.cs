using ChatOps.Teams.Auth;

namespace ChatOps.Bot.Console;

/// <summary>
/// The console and its connector emulation answer only this machine (<see cref="LocalRequest"/>: loopback connection,
/// loopback Host header, no proxy headers, so not through a tunnel); others get 404, as if absent.
/// </summary>
internal sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return LocalRequest.IsLocal(context.HttpContext)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.NotFound());
    }
}
