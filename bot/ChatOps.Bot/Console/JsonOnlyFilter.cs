namespace ChatOps.Bot.Console;

/// <summary>
/// Console writes take <c>application/json</c> only (415 otherwise). A web page on another origin can send a
/// form or <c>text/plain</c> without asking, but not JSON, so no page the developer visits can post into the console.
/// </summary>
internal sealed class JsonOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || request.HasJsonContentType())
            return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Json(
            ErrorBody.Of("UnsupportedMediaType", "Send application/json."), statusCode: StatusCodes.Status415UnsupportedMediaType));
    }
}
