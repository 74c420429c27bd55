using Microsoft.AspNetCore.Antiforgery;

namespace ChatOps.Bot.Console;

/// <summary>
/// What the page posts carries the anti-forgery token of the page it came from (ASP.NET Core antiforgery: a cookie
/// plus the <see cref="HeaderName"/> header the page reads from its own HTML). Missing or wrong: 400, as antiforgery
/// answers elsewhere in ASP.NET Core.
/// </summary>
internal sealed class ConsoleAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-ChatOps-Antiforgery";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            return TypedResults.BadRequest(ErrorBody.Of("Antiforgery", "The console page's anti-forgery token is missing or invalid: reload the page."));
        return await next(context);
    }
}
