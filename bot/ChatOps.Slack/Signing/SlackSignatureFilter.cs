using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Signing;

/// <summary>
/// Endpoint filter that authenticates every Slack request before anything parses it: reads the raw body
/// (at most <see cref="SlackOptions.MaxBodyBytes"/>), checks the signature and the timestamp window, and
/// answers 401 otherwise. Oversized bodies also get 401: Slack documents no status for them, and refusing
/// them as unauthenticated keeps one rule ("not verified, not touched") without reading past the limit.
/// </summary>
public sealed class SlackSignatureFilter(
    IOptionsMonitor<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Refuse(http, SignatureCheck.NoSecretConfigured);
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return Refuse(http, SignatureCheck.BodyTooLarge);
        }

        var check = SlackSignatureVerifier.Verify(
            secret,
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            body,
            timeProvider.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            return Refuse(http, check);
        }

        http.Features.Set(new SlackRequestBody(body));
        return await next(context);
    }

    /// <summary>The whole body, or null when it is larger than the limit (the rest is never read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SlackOptions.MaxBodyBytes)
        {
            return null;
        }

        request.EnableBuffering(SlackOptions.MaxBodyBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > SlackOptions.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        return buffer.ToArray();
    }

    private IResult Refuse(HttpContext http, SignatureCheck check)
    {
        Log.SlackRequestRefused(logger, http.Request.Path, check);
        return TypedResults.Unauthorized();
    }
}
