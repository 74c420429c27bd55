using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatOps.Bot.Faults;

/// <summary>
/// A storage fault that reaches HTTP (gate API, report links, Teams conversation updates) is 503 with
/// <c>Retry-After</c> and a message saying nothing was recorded — never a 500 with a stack trace.
/// Chat commands are answered in the conversation instead (see <c>CommandDispatcher.StorageUnavailable</c>).
/// </summary>
internal sealed partial class StorageUnavailableHandler(ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogStorageUnavailable(logger, httpContext.Request.Path, exception.Message);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            "Storage is unavailable right now, so nothing was read or recorded. Please try again in a moment.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage unavailable").ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path}: {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, PathString path, string reason);
}
