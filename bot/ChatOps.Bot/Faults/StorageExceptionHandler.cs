using System.Globalization;
using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatOps.Bot.Faults;

/// <summary>
/// Storage exceptions that reach HTTP (gate API, report links, Teams conversation updates) become the status they
/// mean, never a 500 with a stack trace: a fault is 503 with <c>Retry-After</c> and says nothing was recorded; an id
/// that cannot be a storage key (too long, empty) is 400 with the reason. Chat commands are answered in the
/// conversation instead (see <c>CommandDispatcher.StorageUnavailable</c>).
/// </summary>
internal sealed class StorageExceptionHandler(ILogger<StorageExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        switch (exception)
        {
            case StorageUnavailableException:
                Log.StorageUnavailable(logger, httpContext.Request.Path, exception.Message);
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    "Storage is unavailable right now, so nothing was read or recorded. Please try again in a moment.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Storage unavailable").ExecuteAsync(httpContext);
                return true;
            case InvalidKeyException:
                await TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid identifier").ExecuteAsync(httpContext);
                return true;
            default:
                return false;
        }
    }
}
